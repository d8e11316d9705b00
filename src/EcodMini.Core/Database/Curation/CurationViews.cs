namespace EcodMini.Core.Database.Curation;

/// <summary>
/// The views pyecod_vis reads over the ecod_curation staging tables (its docs/sql: the open queue, proteins ready for
/// accession, flagged proteins, overall statistics), created where missing with the same names and columns.
/// </summary>
public static class CurationViews
{
    /// <summary>Open queue entries with their protein and a summary of its assignments, most urgent first.</summary>
    public static ReaderView Queue { get; } = new(CurationSchema.Name, "queue_view", """
        CREATE VIEW ecod_curation.queue_view AS
        SELECT q.id AS queue_id, q.priority, q.priority_reason, q.status AS queue_status, q.assigned_curator, p.id AS protein_id, p.source_id,
               p.pdb_id, p.chain_id, p.sequence_length, p.domain_count, p.partition_coverage, p.partition_quality, p.curation_status,
               count(a.id) AS domain_assignments, avg(a.confidence) AS avg_confidence, min(a.confidence) AS min_confidence, q.added_at, q.started_at
        FROM ecod_curation.curation_queue q
        JOIN ecod_curation.protein p ON p.id = q.protein_id
        LEFT JOIN ecod_curation.domain_assignment a ON a.protein_id = p.id
        WHERE q.status IN ('pending', 'in_progress')
        GROUP BY q.id, p.id
        ORDER BY q.priority DESC, q.added_at
        """);

    /// <summary>Curated, not yet accessioned proteins whose accepted or modified assignments all carry an F-group.</summary>
    public static ReaderView ReadyForAccession { get; } = new(CurationSchema.Name, "ready_for_accession", """
        CREATE VIEW ecod_curation.ready_for_accession AS
        SELECT p.id AS protein_id, p.source_id, p.pdb_id, p.chain_id, p.curator_name, p.curated_at,
               count(a.id) AS domain_count,
               count(a.id) FILTER (WHERE a.assigned_f_group IS NOT NULL) AS domains_with_f_group,
               count(a.id) FILTER (WHERE a.curator_decision = 'accepted') AS domains_accepted,
               count(a.id) FILTER (WHERE a.curator_decision = 'modified') AS domains_modified,
               bool_and(a.assigned_f_group IS NOT NULL) AS all_have_f_group
        FROM ecod_curation.protein p
        JOIN ecod_curation.domain_assignment a ON a.protein_id = p.id
        WHERE p.curation_status = 'curated' AND NOT p.accessioned AND a.curator_decision IN ('accepted', 'modified')
        GROUP BY p.id
        HAVING bool_and(a.assigned_f_group IS NOT NULL)
        """);

    /// <summary>Proteins with an assignment flagged as novel, as a new representative, or for an expert.</summary>
    public static ReaderView Flagged { get; } = new(CurationSchema.Name, "flagged_proteins", """
        CREATE VIEW ecod_curation.flagged_proteins AS
        SELECT p.id AS protein_id, p.source_id, p.pdb_id, p.chain_id, p.curator_name, p.curated_at,
               string_agg(DISTINCT CASE WHEN a.flagged_as_novel THEN 'novel_domain'
                                        WHEN a.flagged_as_representative THEN 'new_representative'
                                        WHEN a.curator_decision = 'needs_expert' THEN 'needs_expert' END, ', ') AS flag_types,
               string_agg(a.flag_reason, ' | ') AS flag_reasons
        FROM ecod_curation.protein p
        JOIN ecod_curation.domain_assignment a ON a.protein_id = p.id
        WHERE a.flagged_as_novel OR a.flagged_as_representative OR a.curator_decision = 'needs_expert'
        GROUP BY p.id
        """);

    /// <summary>One row: proteins per curation status, mean domains and coverage, curators seen.</summary>
    public static ReaderView Statistics { get; } = new(CurationSchema.Name, "curation_stats", """
        CREATE VIEW ecod_curation.curation_stats AS
        SELECT count(*) FILTER (WHERE curation_status = 'pending') AS pending_proteins,
               count(*) FILTER (WHERE curation_status = 'in_progress') AS in_progress_proteins,
               count(*) FILTER (WHERE curation_status = 'curated') AS curated_proteins,
               count(*) FILTER (WHERE curation_status = 'accessioned') AS accessioned_proteins,
               count(*) AS total_proteins, avg(domain_count) AS avg_domains_per_protein, avg(partition_coverage) AS avg_partition_coverage,
               count(DISTINCT curator_name) FILTER (WHERE curator_name IS NOT NULL) AS active_curators
        FROM ecod_curation.protein
        """);

    public static IReadOnlyList<ReaderView> All { get; } = [Queue, ReadyForAccession, Flagged, Statistics];
}
