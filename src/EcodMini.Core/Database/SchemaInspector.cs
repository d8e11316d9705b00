using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Checks an existing database for what the tool needs: the listed tables and columns, and a sequence behind the
/// ids the importer allocates. Extra tables and columns are fine. Read-only.
/// </summary>
public static class SchemaInspector
{
    /// <summary>Every missing table or column as <c>schema.table</c> or <c>schema.table.column</c> (empty when complete).</summary>
    public static async Task<IReadOnlyList<string>> FindMissingAsync(NpgsqlConnection connection, string evidenceTable, CancellationToken cancellationToken,
        ImportTarget target = ImportTarget.Production)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("""
            SELECT table_schema, table_name, column_name FROM information_schema.columns
            WHERE table_schema IN ('ecod_schema', 'pdb_analysis', 'ecod_curation')
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var table = $"{reader.GetString(0)}.{reader.GetString(1)}";
                tables.Add(table);
                present.Add($"{table}.{reader.GetString(2)}");
            }
        }
        var missing = new List<string>();
        var required = ProductionSchema.RequiredColumns(evidenceTable).AsEnumerable();
        if (target == ImportTarget.Curation) required = required.Concat(Curation.CurationSchema.RequiredColumns);
        foreach (var (schema, table, columns) in required)
        {
            var qualified = $"{schema}.{table}";
            if (!tables.Contains(qualified)) { missing.Add(qualified); continue; }
            missing.AddRange(columns.Select(c => $"{qualified}.{c}").Where(c => !present.Contains(c)));
        }
        foreach (var table in ProductionSchema.SequencedTables)
        {
            if (!tables.Contains(table) || !present.Contains(table + ".id")) continue;
            await using var command = new NpgsqlCommand("SELECT pg_get_serial_sequence(@t, 'id')", connection);
            command.Parameters.AddWithValue("t", table);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string)
                missing.Add($"{table}.id (a serial or identity sequence)");
        }
        return missing;
    }

    /// <summary>Opens a connection and lists what is missing (see FindMissingAsync).</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(PostgresConnector connector, string evidenceTable, CancellationToken cancellationToken,
        ImportTarget target = ImportTarget.Production)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindMissingAsync(connection, evidenceTable, cancellationToken, target).ConfigureAwait(false);
    }

    /// <summary>Throws <see cref="DatabaseSchemaException"/> naming what is missing.</summary>
    public static async Task EnsureCompatibleAsync(NpgsqlConnection connection, string target, string evidenceTable, CancellationToken cancellationToken,
        ImportTarget schemaTarget = ImportTarget.Production)
    {
        var missing = await FindMissingAsync(connection, evidenceTable, cancellationToken, schemaTarget).ConfigureAwait(false);
        if (missing.Count == 0) return;
        throw new DatabaseSchemaException(
            $"{target}: the schema lacks {string.Join(", ", missing)}; run Initialize-EcodDatabase (it creates missing tables; with -Force it also adds missing " +
            "nullable columns to existing tables)", missing);
    }
}
