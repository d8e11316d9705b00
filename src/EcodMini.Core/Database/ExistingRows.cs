using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// The partition_proteins rows already in the database for a set of chains, keyed by chain and batch id (a row under
/// another batch is not a collision: a chain present in several batches is expected), plus each chain's newest timestamp.
/// </summary>
public sealed class ExistingRows
{
    private readonly Dictionary<(string Pdb, string Chain, int? BatchId), List<ExistingRow>> _rows = [];
    private readonly Dictionary<(string Pdb, string Chain), DateTime> _latest = [];

    public static async Task<ExistingRows> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<(string Pdb, string Chain)> chains, CancellationToken cancellationToken)
    {
        var existing = new ExistingRows();
        await using var command = new NpgsqlCommand("""
            SELECT p.id, p.pdb_id, p.chain_id, p.batch_id, p.process_version,
                   CASE WHEN p.process_parameters->>'revision' ~ '^[0-9]{1,9}$' THEN (p.process_parameters->>'revision')::int END,
                   p."timestamp"
            FROM pdb_analysis.partition_proteins p
            JOIN (SELECT DISTINCT * FROM unnest(@pdb::text[], @chain::text[])) AS k(pdb_id, chain_id)
              ON p.pdb_id = k.pdb_id AND p.chain_id = k.chain_id
            """, connection, transaction);
        command.Parameters.AddWithValue("pdb", chains.Select(c => c.Pdb).ToArray());
        command.Parameters.AddWithValue("chain", chains.Select(c => c.Chain).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var pdb = reader.GetString(1);
            var chain = reader.GetString(2);
            var key = (pdb, chain, reader.IsDBNull(3) ? (int?)null : reader.GetInt32(3));
            var row = new ExistingRow(reader.GetInt32(0), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? DateTime.MinValue : reader.GetDateTime(6).ToUniversalTime());
            if (!existing._rows.TryGetValue(key, out var list)) existing._rows[key] = list = [];
            list.Add(row);
            if (!existing._latest.TryGetValue((pdb, chain), out var latest) || row.Timestamp > latest) existing._latest[(pdb, chain)] = row.Timestamp;
        }
        return existing;
    }

    public IReadOnlyList<ExistingRow> For(string pdb, string chain, int? batchId) =>
        _rows.TryGetValue((pdb, chain, batchId), out var list) ? list : [];

    /// <summary>The newest timestamp of any row of the chain (any batch, any version), or null when it has none.</summary>
    public DateTime? Latest(string pdb, string chain) => _latest.TryGetValue((pdb, chain), out var t) ? t : null;

    /// <summary>
    /// The revision a new row of <paramref name="version"/> gets: one more than the highest revision of that version among
    /// <paramref name="rows"/> (a row without a recorded revision counts as revision 1), or 1 when there is none.
    /// </summary>
    public static int NextRevision(string version, IEnumerable<ExistingRow> rows)
    {
        var same = rows.Where(r => string.Equals(r.Version, version, StringComparison.Ordinal)).ToList();
        return same.Count == 0 ? 1 : same.Max(r => r.Revision ?? 1) + 1;
    }
}
