using System.Text.RegularExpressions;

namespace EcodMini.Core.Database;

/// <summary>
/// What <see cref="DatabaseInitializer"/> would do, read from the same DDL it runs: every table its statements create,
/// split into those missing (to create) and those present (kept). For -WhatIf, so the list is always the
/// initializer's own.
/// </summary>
public sealed partial record SchemaPlan(IReadOnlyList<string> ToCreate, IReadOnlyList<string> Existing, IReadOnlyList<string> Missing)
{
    /// <summary>The tables the DDL creates, as schema.table, in statement order.</summary>
    public static IReadOnlyList<string> TablesCreatedBy(IEnumerable<string> statements) =>
        statements.Select(s => CreateTable().Match(s)).Where(m => m.Success)
            .Select(m => m.Groups[1].Value.Replace("\"", "", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Lists the tables of the initializer's DDL, which of them the database already has, and every missing table or
    /// column (<see cref="SchemaInspector.FindMissingAsync"/>), over one connection (read-only).
    /// </summary>
    public static async Task<SchemaPlan> ReadAsync(PostgresConnector connector, string evidenceTable, CancellationToken cancellationToken)
    {
        var tables = TablesCreatedBy(ProductionSchema.CreateStatements(evidenceTable));
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        var present = await DatabaseInitializer.ListTablesAsync(connection, cancellationToken).ConfigureAwait(false);
        var missing = await SchemaInspector.FindMissingAsync(connection, evidenceTable, cancellationToken).ConfigureAwait(false);
        return new SchemaPlan([.. tables.Where(t => !present.Contains(t))], [.. tables.Where(present.Contains)], missing);
    }

    [GeneratedRegex(@"^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z0-9_"".]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
