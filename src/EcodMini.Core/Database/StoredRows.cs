using System.Globalization;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>Imported rows read back for verification: proteins by id, domains by protein id, evidence by domain id, as column-name maps.</summary>
internal sealed class StoredRows
{
    public Dictionary<long, Dictionary<string, object?>> Proteins { get; } = [];
    public Dictionary<long, List<Dictionary<string, object?>>> Domains { get; } = [];
    public Dictionary<long, List<Dictionary<string, object?>>> Evidence { get; } = [];

    public static async Task<StoredRows> ReadAsync(NpgsqlConnection connection, string evidenceTable, long[] proteinIds, CancellationToken cancellationToken)
    {
        var rows = new StoredRows();
        var evidence = SqlIdentifier.Qualified(ProductionSchema.AnalysisSchema, evidenceTable);
        foreach (var row in await QueryAsync(connection, "SELECT * FROM pdb_analysis.partition_proteins WHERE id = ANY(@ids)", proteinIds, cancellationToken).ConfigureAwait(false))
            rows.Proteins[Convert.ToInt64(row["id"], CultureInfo.InvariantCulture)] = row;
        foreach (var row in await QueryAsync(connection, "SELECT * FROM pdb_analysis.partition_domains WHERE protein_id = ANY(@ids) ORDER BY protein_id, domain_number", proteinIds, cancellationToken).ConfigureAwait(false))
            Add(rows.Domains, Convert.ToInt64(row["protein_id"], CultureInfo.InvariantCulture), row);
        var sql = $"SELECT e.* FROM {evidence} e JOIN pdb_analysis.partition_domains d ON d.id = e.domain_id WHERE d.protein_id = ANY(@ids) ORDER BY e.domain_id, e.id";
        foreach (var row in await QueryAsync(connection, sql, proteinIds, cancellationToken).ConfigureAwait(false))
            Add(rows.Evidence, Convert.ToInt64(row["domain_id"], CultureInfo.InvariantCulture), row);
        return rows;
    }

    /// <summary>Equal after normalising numbers (reals are stored as float4: compared to 6 significant digits).</summary>
    public static bool ValuesEqual(object? expected, object? actual)
    {
        expected = expected is DBNull ? null : expected;
        actual = actual is DBNull ? null : actual;
        if (expected is null || actual is null) return expected is null && actual is null;
        if (IsNumber(expected) && IsNumber(actual))
        {
            var a = Convert.ToDouble(expected, CultureInfo.InvariantCulture);
            var b = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
            return Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
        }
        return string.Equals(Text(expected), Text(actual), StringComparison.Ordinal);
    }

    public static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool IsNumber(object value) => value is int or long or short or float or double or decimal;

    private static void Add(Dictionary<long, List<Dictionary<string, object?>>> map, long key, Dictionary<string, object?> row)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(row);
    }

    private static async Task<List<Dictionary<string, object?>>> QueryAsync(NpgsqlConnection connection, string sql, long[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids.Select(i => (int)i).ToArray());
        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
