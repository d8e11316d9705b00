namespace EcodMini.Core.Database.Curation;

/// <summary>
/// The ecod_curation staging schema pyecod_vis reads (its SCHEMA_CONTRACT_v2), as the initializer creates it where
/// missing: the same tables, columns, types and allowed values, so the curation app works on it unchanged.
/// </summary>
public static class CurationSchema
{
    public const string Name = "ecod_curation";

    private static SchemaColumn C(string name, string type, string constraints = "") => new(name, type, constraints);
    private static readonly SchemaColumn Id = C("id", "serial", "PRIMARY KEY");
    private static readonly SchemaColumn CreatedAt = C("created_at", "timestamp", "DEFAULT now()");

    public static IReadOnlyList<SchemaTable> Tables { get; } =
    [
        new(Name, "protein",
            [Id, C("source_id", "varchar(50)", "NOT NULL UNIQUE"), C("pdb_id", "varchar(4)", "NOT NULL"), C("chain_id", "varchar(10)", "NOT NULL"),
             C("release_date", "date", "NOT NULL"), C("sequence", "text", "NOT NULL"), C("sequence_length", "int", "NOT NULL"), C("sequence_md5", "varchar(32)"),
             C("processed_at", "timestamp", "NOT NULL"), C("processing_version", "varchar(50)"), C("partition_coverage", "real"),
             C("domain_count", "int", "DEFAULT 0"), C("partition_quality", "varchar(20)"), C("can_curate", "boolean", "DEFAULT true"),
             C("cannot_curate_reason", "varchar(50)"), C("curation_status", "varchar(20)", "DEFAULT 'pending'"), C("curated_at", "timestamp"),
             C("curator_name", "varchar(50)"), C("accessioned", "boolean", "DEFAULT false"), C("accession_date", "timestamp"),
             C("accession_batch", "varchar(100)"), C("ecod_commons_protein_id", "int"), CreatedAt],
            ["CHECK (partition_quality IN ('good', 'low_coverage', 'fragmentary', 'failed'))",
             "CHECK (curation_status IN ('pending', 'in_progress', 'curated', 'accessioned', 'rejected'))"],
            ["CREATE INDEX IF NOT EXISTS ix_curation_protein_status ON ecod_curation.protein (curation_status)",
             "CREATE INDEX IF NOT EXISTS ix_curation_protein_pdb ON ecod_curation.protein (pdb_id, chain_id)"]),
        new(Name, "domain_assignment",
            [Id, C("protein_id", "int", "NOT NULL REFERENCES ecod_curation.protein (id) ON DELETE CASCADE"), C("domain_number", "int", "NOT NULL"),
             C("start_pos", "int", "NOT NULL"), C("end_pos", "int", "NOT NULL"), C("residue_range", "text"), C("assigned_t_group", "varchar(50)"),
             C("assigned_h_group", "varchar(50)"), C("assigned_x_group", "varchar(50)"), C("assigned_f_group", "varchar(50)"),
             C("best_match_ecod_domain_id", "varchar(50)"), C("best_match_ecod_uid", "int"), C("assignment_method", "varchar(20)"),
             C("classification_level", "varchar(20)"), C("confidence", "real"), C("source", "varchar(20)", "NOT NULL"), C("created_by", "varchar(50)"),
             CreatedAt, C("curator_decision", "varchar(20)", "DEFAULT 'pending'"), C("curator_name", "varchar(50)"), C("curated_at", "timestamp"),
             C("curator_notes", "text"), C("flagged_as_novel", "boolean", "DEFAULT false"), C("flagged_as_representative", "boolean", "DEFAULT false"),
             C("flag_reason", "text"), C("accessioned", "boolean", "DEFAULT false"), C("ecod_commons_domain_id", "int"), C("ecod_uid", "int"),
             C("assigned_domain_id", "varchar(50)")],
            ["UNIQUE (protein_id, domain_number)", "CHECK (start_pos > 0 AND end_pos >= start_pos)",
             "CHECK (confidence IS NULL OR (confidence >= 0.0 AND confidence <= 1.0))",
             "CHECK (source IN ('automated', 'curator_modified', 'curator_created'))",
             "CHECK (curator_decision IN ('pending', 'accepted', 'modified', 'rejected', 'needs_expert'))",
             "CHECK (assignment_method IN ('blast', 'hhsearch', 'manual', 'inheritance', 'hhblits'))",
             "CHECK (classification_level IN ('f_group_specific', 't_group_only', 'h_group_only', 'x_group_only', 'unclassified'))"],
            ["CREATE INDEX IF NOT EXISTS ix_domain_assignment_protein ON ecod_curation.domain_assignment (protein_id)"]),
        new(Name, "domain_evidence",
            [Id, C("domain_id", "int", "NOT NULL REFERENCES ecod_curation.domain_assignment (id) ON DELETE CASCADE"), C("evidence_type", "varchar(20)", "NOT NULL"),
             C("hit_ecod_domain_id", "varchar(50)"), C("hit_ecod_uid", "int"), C("hit_pdb_id", "varchar(4)"), C("hit_chain_id", "varchar(10)"),
             C("hit_description", "text"), C("evalue", "real"), C("score", "real"), C("identity", "real"), C("similarity", "real"),
             C("query_coverage", "real"), C("hit_coverage", "real"), C("query_range", "text"), C("hit_range", "text"), C("ref_t_group", "varchar(50)"),
             C("ref_h_group", "varchar(50)"), C("ref_x_group", "varchar(50)"), C("ref_f_group", "varchar(50)"), C("source_file", "text"), CreatedAt],
            ["CHECK (evidence_type IN ('blast_chain', 'blast_domain', 'hhsearch', 'hhblits', 'structure', 'manual'))"],
            ["CREATE INDEX IF NOT EXISTS ix_curation_evidence_domain ON ecod_curation.domain_evidence (domain_id)"]),
        new(Name, "non_domain_region",
            [Id, C("protein_id", "int", "NOT NULL REFERENCES ecod_curation.protein (id) ON DELETE CASCADE"), C("start_pos", "int", "NOT NULL"),
             C("end_pos", "int", "NOT NULL"), C("reason", "varchar(50)", "NOT NULL"), C("curator_name", "varchar(50)", "NOT NULL"), CreatedAt, C("notes", "text")],
            ["CHECK (start_pos > 0 AND end_pos >= start_pos)",
             "CHECK (reason IN ('disordered', 'linker', 'membrane', 'signal_peptide', 'low_complexity', 'transmembrane', 'coiled_coil', 'uncurable', 'other'))"]),
        new(Name, "curation_queue",
            [Id, C("protein_id", "int", "NOT NULL UNIQUE REFERENCES ecod_curation.protein (id) ON DELETE CASCADE"), C("priority", "int", "DEFAULT 0"),
             C("priority_reason", "text"), C("assigned_curator", "varchar(50)"), C("status", "varchar(20)", "DEFAULT 'pending'"),
             C("added_at", "timestamp", "DEFAULT now()"), C("assigned_at", "timestamp"), C("started_at", "timestamp"), C("completed_at", "timestamp"),
             C("notes", "text")],
            ["CHECK (status IN ('pending', 'in_progress', 'completed', 'skipped'))"],
            ["CREATE INDEX IF NOT EXISTS ix_curation_queue_priority ON ecod_curation.curation_queue (priority DESC, added_at)"]),
        new(Name, "curation_session",
            [Id, C("curator_name", "varchar(50)", "NOT NULL"), C("started_at", "timestamp", "DEFAULT now()"), C("ended_at", "timestamp"),
             C("proteins_reviewed", "int", "DEFAULT 0"), C("decisions_made", "int", "DEFAULT 0"), C("avg_review_time_seconds", "real"), C("notes", "text")]),
        new(Name, "curation_decision_log",
            [Id, C("session_id", "int", "REFERENCES ecod_curation.curation_session (id)"), C("protein_id", "int", "NOT NULL REFERENCES ecod_curation.protein (id)"),
             C("has_domains", "boolean"), C("is_fragment", "boolean"), C("is_repeat_protein", "boolean"), C("domains_accepted", "boolean"),
             C("domains_modified", "boolean"), C("domains_created", "boolean"), C("domains_rejected", "boolean"),
             C("flagged_for_expert", "boolean", "DEFAULT false"), C("flagged_as_novel", "boolean", "DEFAULT false"), C("review_time_seconds", "int"),
             C("confidence_level", "int", "CHECK (confidence_level BETWEEN 1 AND 5)"), C("decided_at", "timestamp", "DEFAULT now()"), C("notes", "text")]),
    ];

    /// <summary>The columns the import writes (schema, table, columns).</summary>
    public static IReadOnlyList<(string Schema, string Table, string[] Columns)> RequiredColumns { get; } =
    [
        (Name, "protein", ["id", "source_id", "pdb_id", "chain_id", "release_date", "sequence", "sequence_length", "sequence_md5", "processed_at",
            "processing_version", "partition_coverage", "domain_count", "partition_quality", "can_curate", "cannot_curate_reason", "curation_status"]),
        (Name, "domain_assignment", ["id", "protein_id", "domain_number", "start_pos", "end_pos", "residue_range", "assigned_t_group", "assigned_h_group",
            "assigned_x_group", "best_match_ecod_domain_id", "assignment_method", "classification_level", "confidence", "source", "created_by"]),
        (Name, "domain_evidence", ["domain_id", "evidence_type", "hit_ecod_domain_id", "hit_pdb_id", "hit_chain_id", "evalue", "score", "query_range",
            "hit_range", "ref_t_group", "ref_h_group", "ref_x_group", "source_file"]),
        (Name, "curation_queue", ["protein_id", "priority", "priority_reason", "status"]),
    ];
}
