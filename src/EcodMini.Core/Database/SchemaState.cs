using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>What a database holds in the schemas the tool uses: schemas, tables and views, column types, index names.</summary>
internal sealed class SchemaState
{
    private static readonly string[] Watched = ["ecod_schema", "pdb_analysis", "ecod_curation"];

    public HashSet<string> Schemas { get; } = new(StringComparer.Ordinal);
    /// <summary>schema.table for tables and views.</summary>
    public HashSet<string> Tables { get; } = new(StringComparer.Ordinal);
    /// <summary>schema.table.column to information_schema data_type (ARRAY for arrays).</summary>
    public Dictionary<string, string> ColumnTypes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Indexes { get; } = new(StringComparer.Ordinal);

    public static async Task<SchemaState> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var state = new SchemaState();
        await ReadAsync(connection, "SELECT nspname FROM pg_namespace WHERE nspname = ANY(@s)", r => state.Schemas.Add(r.GetString(0)), cancellationToken).ConfigureAwait(false);
        await ReadAsync(connection, "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema = ANY(@s)",
            r => state.Tables.Add(r.GetString(0)), cancellationToken).ConfigureAwait(false);
        await ReadAsync(connection, "SELECT table_schema || '.' || table_name || '.' || column_name, data_type FROM information_schema.columns WHERE table_schema = ANY(@s)",
            r => state.ColumnTypes[r.GetString(0)] = r.GetString(1), cancellationToken).ConfigureAwait(false);
        await ReadAsync(connection, "SELECT schemaname || '.' || indexname FROM pg_indexes WHERE schemaname = ANY(@s)",
            r => state.Indexes.Add(r.GetString(0)), cancellationToken).ConfigureAwait(false);
        return state;
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("s", Watched);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) row(reader);
    }
}
