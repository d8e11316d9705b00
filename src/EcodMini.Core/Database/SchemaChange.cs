namespace EcodMini.Core.Database;

/// <summary>
/// One change the initializer would make: what (Kind, Target), the SQL, and whether it touches an existing table (such
/// changes, adding a nullable column or replacing EcodMini's own old key, run only with -Force). Kind Incompatible is a
/// difference the initializer never changes; it is reported, not run.
/// </summary>
public sealed record SchemaChange(SchemaChangeKind Kind, string Target, string Sql, bool NeedsForce)
{
    public string Description => Kind switch
    {
        SchemaChangeKind.CreateSchema => $"Create schema {Target}",
        SchemaChangeKind.CreateTable => $"Create table {Target}",
        SchemaChangeKind.AddColumn => $"Add nullable column {Target}",
        SchemaChangeKind.CreateIndex => $"Create index {Target}",
        SchemaChangeKind.DropIndex => $"Drop index {Target} (EcodMini's earlier one-row-per-version key)",
        SchemaChangeKind.CreateView => $"Create view {Target}",
        _ => $"Not changed: {Target} ({Sql})",
    };

    public override string ToString() => Description;
}
