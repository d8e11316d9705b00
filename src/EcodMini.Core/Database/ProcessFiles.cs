using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// ecod_schema.process_file rows of imported chains: one per process_status row and file type (<c>domain_partition</c>
/// for the partition file, <c>domain_summary</c> for its summary, <c>chain_blast_result</c> for the raw chain BLAST where the
/// batch has one), path, existence and size as seen at import.
/// </summary>
internal static class ProcessFiles
{
    public const string PartitionType = "domain_partition";
    public const string SummaryType = "domain_summary";
    public const string ChainBlastType = "chain_blast_result";

    /// <summary>Adds the update and the insert of the chains' file rows to <paramref name="batch"/>.</summary>
    public static void Add(SqlStatementBatch batch, IReadOnlyList<TrackedChain> chains)
    {
        var files = chains.SelectMany(c => new[]
            {
                (Chain: c, Type: PartitionType, Path: c.PartitionPath), (Chain: c, Type: SummaryType, Path: c.SummaryPath),
                (Chain: c, Type: ChainBlastType, Path: c.ChainBlastPath),
            })
            .Where(f => f.Path is not null)
            .Select(f => (f.Chain, f.Type, Path: f.Path!, Info: new FileInfo(f.Path!)))
            .ToList();
        if (files.Count == 0) return;
        (string, object)[] parameters =
        [
            ("src", files.Select(f => f.Chain.SourceId).ToArray()), ("batch", files.Select(f => f.Chain.BatchId).ToArray()),
            ("type", files.Select(f => f.Type).ToArray()), ("path", files.Select(f => f.Path).ToArray()),
            ("exists", files.Select(f => f.Info.Exists).ToArray()), ("size", files.Select(f => f.Info.Exists ? f.Info.Length : (long?)null).ToArray()),
        ];
        const string keys = """
            unnest(@src::text[], @batch::int[], @type::text[], @path::text[], @exists::boolean[], @size::bigint[]) AS k(src, batch, ftype, path, present, size)
            JOIN ecod_schema.protein p ON p.source_id = k.src
            JOIN ecod_schema.process_status s ON s.protein_id = p.id AND s.batch_id IS NOT DISTINCT FROM k.batch
            """;
        batch.Add($"""
            UPDATE ecod_schema.process_file f SET file_path = k.path, file_exists = k.present, file_size = k.size, last_checked = now()
            FROM {keys} WHERE f.process_id = s.id AND f.file_type = k.ftype
            """, parameters);
        batch.Add($"""
            INSERT INTO ecod_schema.process_file (process_id, file_type, file_path, file_exists, file_size, last_checked)
            SELECT DISTINCT ON (s.id, k.ftype) s.id, k.ftype, k.path, k.present, k.size, now() FROM {keys}
            WHERE NOT EXISTS (SELECT 1 FROM ecod_schema.process_file f WHERE f.process_id = s.id AND f.file_type = k.ftype)
            """, parameters);
    }
}
