using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Creates the production schema's schemas, tables, keys and indexes, in one transaction; what exists is kept, so
/// the result is the same on an empty, a partial and a complete database. Afterwards the schema is checked.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task<DatabaseInitialization> InitializeAsync(PostgresConnector connector, string evidenceTable, CancellationToken cancellationToken = default)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        var before = await ListTablesAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var sql in ProductionSchema.CreateStatements(evidenceTable))
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        var after = await ListTablesAsync(connection, cancellationToken).ConfigureAwait(false);
        await SchemaInspector.EnsureCompatibleAsync(connection, connector.Target, evidenceTable, cancellationToken).ConfigureAwait(false);
        return new DatabaseInitialization
        {
            Target = connector.Target,
            CreatedTables = [.. after.Except(before).Order(StringComparer.Ordinal)],
            ExistingTables = [.. after.Intersect(before).Order(StringComparer.Ordinal)],
            EvidenceTable = evidenceTable,
            SchemaComplete = true,
        };
    }

    internal static async Task<HashSet<string>> ListTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('ecod_schema', 'pdb_analysis')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) tables.Add(reader.GetString(0));
        return tables;
    }
}
