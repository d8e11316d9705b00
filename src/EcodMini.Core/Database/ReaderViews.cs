namespace EcodMini.Core.Database;

/// <summary>
/// Views the team's dashboard reads instead of the tables, created where missing (an existing view is never replaced).
/// Both show each chain's newest partition_proteins row by timestamp (the readers' "latest" rule).
/// </summary>
public static class ReaderViews
{
    private const string LatestRows = """
        (SELECT DISTINCT ON (pdb_id, chain_id) id, pdb_id, chain_id, batch_id, reference_version, "timestamp", sequence_length, is_classified, coverage
         FROM pdb_analysis.partition_proteins ORDER BY pdb_id, chain_id, "timestamp" DESC, id DESC)
        """;

    public static IReadOnlyList<ReaderView> All(string evidenceTable)
    {
        var evidence = SqlIdentifier.Qualified("pdb_analysis", evidenceTable);
        return
        [
            new("pdb_analysis", "partition_domain_summary", $"""
                CREATE VIEW pdb_analysis.partition_domain_summary AS
                SELECT d.id, d.protein_id, p.pdb_id, p.chain_id, p.batch_id, p.reference_version, p."timestamp", d.domain_number, d.domain_id,
                       d.start_pos, d.end_pos, d.range, d.pdb_range, d.pdb_start, d.pdb_end, d.source, d.source_id, d.confidence,
                       d.t_group, d.h_group, d.x_group, d.a_group,
                       (SELECT count(*) FROM {evidence} e WHERE e.domain_id = d.id) AS evidence_count,
                       (SELECT string_agg(DISTINCT e.evidence_type, ',') FROM {evidence} e WHERE e.domain_id = d.id) AS evidence_types
                FROM {LatestRows} p JOIN pdb_analysis.partition_domains d ON d.protein_id = p.id
                """),
            new("pdb_analysis", "pipeline_performance_summary", $"""
                CREATE VIEW pdb_analysis.pipeline_performance_summary AS
                SELECT p.id AS processing_id, p.pdb_id, p.chain_id, p.pdb_id || '_' || p.chain_id AS source_id, p.batch_id, p.reference_version,
                       p."timestamp" AS processing_date, p.sequence_length, p.is_classified, p.coverage,
                       count(d.id) AS domains_found, count(d.id) FILTER (WHERE d.t_group IS NOT NULL) AS domains_classified,
                       count(d.id) FILTER (WHERE d.t_group IS NULL) AS domains_unclassified,
                       avg(d.confidence) AS avg_domain_confidence, max(d.confidence) AS best_domain_confidence,
                       min(d.confidence) AS worst_domain_confidence,
                       coalesce(sum(ev.n), 0) AS total_evidence_generated, coalesce(sum(ev.chain_blast), 0) AS chain_blast_evidence,
                       coalesce(sum(ev.domain_blast), 0) AS domain_blast_evidence, coalesce(sum(ev.hhsearch), 0) AS hhsearch_evidence,
                       CASE WHEN p.is_classified THEN 'classified' WHEN count(d.id) > 0 THEN 'unclassified_domains' ELSE 'no_domains' END AS classification_status,
                       CASE WHEN max(d.confidence) >= 0.8 THEN 'high' WHEN max(d.confidence) >= 0.5 THEN 'medium' ELSE 'low' END AS evidence_quality,
                       extract(epoch FROM now() - p."timestamp") / 86400.0 AS days_since_processing
                FROM {LatestRows} p
                LEFT JOIN pdb_analysis.partition_domains d ON d.protein_id = p.id
                LEFT JOIN LATERAL (
                    SELECT count(*) AS n, count(*) FILTER (WHERE e.evidence_type LIKE 'chain_blast%') AS chain_blast,
                           count(*) FILTER (WHERE e.evidence_type = 'domain_blast') AS domain_blast,
                           count(*) FILTER (WHERE e.evidence_type = 'hhsearch') AS hhsearch
                    FROM {evidence} e WHERE e.domain_id = d.id) ev ON true
                GROUP BY p.id, p.pdb_id, p.chain_id, p.batch_id, p.reference_version, p."timestamp", p.sequence_length, p.is_classified, p.coverage
                """),
        ];
    }
}
