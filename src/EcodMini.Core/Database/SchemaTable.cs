namespace EcodMini.Core.Database;

/// <summary>
/// A table the tool creates where it is missing: columns, table constraints (UNIQUE, ...) and the statements (indexes)
/// that follow its creation. <see cref="Required"/> columns are the ones the importer, verifier or readers cannot do without.
/// </summary>
public sealed record SchemaTable(string Schema, string Name, IReadOnlyList<SchemaColumn> Columns, IReadOnlyList<string>? TableConstraints = null,
    IReadOnlyList<string>? FollowUp = null)
{
    public string Qualified => $"{Schema}.{Name}";

    public string CreateSql =>
        $"CREATE TABLE IF NOT EXISTS {Schema}.\"{Name}\" ({string.Join(", ", Columns.Select(c => c.Definition).Concat(TableConstraints ?? []))})";

    public string AddColumnSql(SchemaColumn column) => $"ALTER TABLE {Schema}.\"{Name}\" ADD COLUMN IF NOT EXISTS \"{column.Name}\" {column.Type}";
}
