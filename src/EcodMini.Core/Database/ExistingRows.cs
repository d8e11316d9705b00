using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// The partition_proteins rows already in the database for a set of chains, keyed by chain and batch id (a row under
/// another batch is not a collision: a chain present in several batches is expected).
/// </summary>
public sealed class ExistingRows
{
    private readonly Dictionary<(string Pdb, string Chain, int? BatchId), List<(long Id, string? Version)>> _rows = [];

    public static async Task<ExistingRows> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<(string Pdb, string Chain)> chains, CancellationToken cancellationToken)
    {
        var existing = new ExistingRows();
        await using var command = new NpgsqlCommand("""
            SELECT p.id, p.pdb_id, p.chain_id, p.batch_id, p.process_version
            FROM pdb_analysis.partition_proteins p
            JOIN (SELECT DISTINCT * FROM unnest(@pdb::text[], @chain::text[])) AS k(pdb_id, chain_id)
              ON p.pdb_id = k.pdb_id AND p.chain_id = k.chain_id
            """, connection, transaction);
        command.Parameters.AddWithValue("pdb", chains.Select(c => c.Pdb).ToArray());
        command.Parameters.AddWithValue("chain", chains.Select(c => c.Chain).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = (reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? (int?)null : reader.GetInt32(3));
            if (!existing._rows.TryGetValue(key, out var list)) existing._rows[key] = list = [];
            list.Add((reader.GetInt32(0), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return existing;
    }

    public IReadOnlyList<(long Id, string? Version)> For(string pdb, string chain, int? batchId) =>
        _rows.TryGetValue((pdb, chain, batchId), out var list) ? list : [];

    /// <summary><paramref name="baseVersion"/> when free, else the first free <c>base.rN</c> (N from 2).</summary>
    public static string NextVersion(string baseVersion, IEnumerable<string?> taken)
    {
        var used = taken.Where(v => v is not null).ToHashSet(StringComparer.Ordinal);
        if (!used.Contains(baseVersion)) return baseVersion;
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseVersion}.r{n}";
            if (!used.Contains(candidate)) return candidate;
        }
    }
}
