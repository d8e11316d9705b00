using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Keeps the team's tracking tables current for imported chains, set-based, inside the import's transaction:
/// ecod_schema.protein and pdb_analysis.protein upserted by source_id (update when present, insert when not, so no unique
/// constraint is needed; is_nonident_rep set for representatives), pdb_analysis.protein_sequence where the partition carries the sequence, one
/// ecod_schema.process_status row per protein and batch (stage completed, the chain's sequence length and batch folder; is_representative set, never cleared),
/// ecod_schema.process_file rows for the partition and summary files, and each touched batch's totals and status.
/// </summary>
internal static class TrackingRows
{
    private const string Keys = "unnest(@src::text[], @pdb::text[], @chain::text[], @len::int[], @batch::int[], @rep::boolean[], @rel::text[], @dir::text[])" +
                                " AS k(src, pdb, chain, len, batch, rep, rel, dir)";

    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TrackedChain> chains,
        IReadOnlyDictionary<int, int> knownBatchSizes, CancellationToken cancellationToken)
    {
        if (chains.Count == 0) return;
        (string, object)[] keys =
        [
            ("src", chains.Select(c => c.SourceId).ToArray()), ("pdb", chains.Select(c => c.Pdb).ToArray()),
            ("chain", chains.Select(c => c.Chain).ToArray()), ("len", chains.Select(c => c.Length is > 0 ? c.Length : null).ToArray()),
            ("batch", chains.Select(c => c.BatchId).ToArray()), ("rep", chains.Select(c => c.IsRepresentative).ToArray()),
            ("rel", chains.Select(c => c.RelativePath).ToArray()), ("dir", chains.Select(c => c.ProcessingPath).ToArray()),
        ];
        // Every statement goes out in one round trip, run in this order.
        var batch = new SqlStatementBatch();
        foreach (var table in new[] { "ecod_schema.protein", "pdb_analysis.protein" })
        {
            Run($"UPDATE {table} p SET length = COALESCE(k.len, p.length) FROM {Keys} WHERE p.source_id = k.src");
            Run($"""
                INSERT INTO {table} (pdb_id, chain_id, source_id, length)
                SELECT DISTINCT ON (k.src) k.pdb, k.chain, k.src, k.len FROM {Keys}
                WHERE NOT EXISTS (SELECT 1 FROM {table} p WHERE p.source_id = k.src)
                """);
        }
        // A representative is the team's non-identical representative (the dashboard's curable proteins); set, never cleared.
        Run($"UPDATE pdb_analysis.protein p SET is_nonident_rep = true FROM {Keys} WHERE p.source_id = k.src AND k.rep AND NOT p.is_nonident_rep");
        AddSequences(batch, chains);
        Run($"""
            UPDATE ecod_schema.process_status s SET current_stage = 'completed', status = 'success',
                   is_representative = s.is_representative OR k.rep, relative_path = COALESCE(k.rel, s.relative_path),
                   processing_path = COALESCE(k.dir, s.processing_path), sequence_length = COALESCE(k.len, s.sequence_length), error_message = NULL, updated_at = now()
            FROM {Keys} JOIN ecod_schema.protein p ON p.source_id = k.src
            WHERE s.protein_id = p.id AND s.batch_id IS NOT DISTINCT FROM k.batch
            """);
        Run($"""
            INSERT INTO ecod_schema.process_status (protein_id, batch_id, current_stage, status, is_representative, relative_path, processing_path,
                                                   sequence_length, created_at, updated_at)
            SELECT p.id, k.batch, 'completed', 'success', k.rep, k.rel, k.dir, k.len, now(), now()
            FROM {Keys} JOIN ecod_schema.protein p ON p.source_id = k.src
            WHERE NOT EXISTS (SELECT 1 FROM ecod_schema.process_status s WHERE s.protein_id = p.id AND s.batch_id IS NOT DISTINCT FROM k.batch)
            """);
        ProcessFiles.Add(batch, chains);
        AddBatchTotals(batch, chains, knownBatchSizes);
        await batch.ExecuteAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        void Run(string sql) => batch.Add(sql, keys);
    }

    private static void AddSequences(SqlStatementBatch batch, IReadOnlyList<TrackedChain> chains)
    {
        var known = chains.Where(c => c.Sequence is { Length: > 0 } && c.SequenceMd5 is not null).DistinctBy(c => c.SourceId).ToList();
        if (known.Count == 0) return;
        (string, object)[] parameters =
        [
            ("src", known.Select(c => c.SourceId).ToArray()), ("seq", known.Select(c => c.Sequence!).ToArray()),
            ("md5", known.Select(c => c.SequenceMd5!).ToArray()),
        ];
        const string keys = "unnest(@src::text[], @seq::text[], @md5::text[]) AS k(src, seq, md5) JOIN pdb_analysis.protein p ON p.source_id = k.src";
        batch.Add($"""
            UPDATE pdb_analysis.protein_sequence s SET sequence = k.seq, sequence_md5 = k.md5
            FROM {keys} WHERE s.protein_id = p.id AND s.sequence_md5 IS DISTINCT FROM k.md5
            """, parameters);
        batch.Add($"""
            INSERT INTO pdb_analysis.protein_sequence (protein_id, sequence, sequence_md5)
            SELECT p.id, k.seq, k.md5 FROM {keys}
            WHERE NOT EXISTS (SELECT 1 FROM pdb_analysis.protein_sequence s WHERE s.protein_id = p.id)
            """, parameters);
    }

    /// <summary>
    /// total_items: the most of what the row said, the batch folder's domain summaries and the batch's process_status rows;
    /// completed_items: its completed process_status rows; status completed when every item is, else processing.
    /// </summary>
    private static void AddBatchTotals(SqlStatementBatch batch, IReadOnlyList<TrackedChain> chains, IReadOnlyDictionary<int, int> knownBatchSizes)
    {
        var ids = chains.Where(c => c.BatchId is not null).Select(c => c.BatchId!.Value).Distinct().ToArray();
        if (ids.Length == 0) return;
        batch.Add("""
            UPDATE ecod_schema.batch b
            SET total_items = t.total, completed_items = t.done,
                status = CASE WHEN t.done >= t.total THEN 'completed' ELSE 'processing' END,
                completed_at = CASE WHEN t.done >= t.total THEN COALESCE(b.completed_at, now()) END
            FROM (SELECT k.id, st.done, GREATEST(COALESCE(b2.total_items, 0), k.known, st.n) AS total
                  FROM unnest(@ids::int[], @known::int[]) AS k(id, known)
                  JOIN ecod_schema.batch b2 ON b2.id = k.id
                  CROSS JOIN LATERAL (
                      SELECT count(*)::int AS n, (count(*) FILTER (WHERE s.current_stage IN ('completed', 'classified')))::int AS done
                      FROM ecod_schema.process_status s WHERE s.batch_id = k.id) st) t
            WHERE b.id = t.id
            """, ("ids", ids), ("known", ids.Select(i => knownBatchSizes.GetValueOrDefault(i)).ToArray()));
    }
}
