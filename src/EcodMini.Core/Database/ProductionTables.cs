namespace EcodMini.Core.Database;

/// <summary>
/// The tables of the ECOD production schema (FORMATS.md) and the ones the team's readers join (pdb_analysis.protein,
/// protein_sequence, the reference-domain table, ecod_schema.process_file and domain_audit), as the initializer creates them where missing.
/// Compatible with the team's definitions: same names, types a reader can use the same way.
/// </summary>
public static class ProductionTables
{
    private static readonly SchemaColumn Id = new("id", "serial", "PRIMARY KEY");
    private static readonly SchemaColumn CreatedAt = new("created_at", "timestamptz", "NOT NULL DEFAULT now()");
    private static readonly SchemaColumn UpdatedAt = new("updated_at", "timestamptz", "NOT NULL DEFAULT now()");
    private static SchemaColumn Text(string name, string constraints = "") => new(name, "text", constraints);
    private static SchemaColumn Int(string name, string constraints = "") => new(name, "integer", constraints);
    private static SchemaColumn Flag(string name) => new(name, "boolean", "NOT NULL DEFAULT false");
    private static SchemaColumn Real(string name) => new(name, "real");

    public static IReadOnlyList<SchemaTable> All(string evidenceTable) =>
    [
        new("ecod_schema", "protein", [Id, Text("pdb_id", "NOT NULL"), Text("chain_id", "NOT NULL"), Text("source_id", "NOT NULL UNIQUE"), Int("length"), CreatedAt]),
        new("ecod_schema", "batch",
            [Id, Text("batch_name", "NOT NULL"), Text("base_path"), Text("type"), Text("ref_version"), Int("total_items"), Int("completed_items"),
             Text("status"), CreatedAt, new("completed_at", "timestamptz")],
            FollowUp: ["CREATE INDEX IF NOT EXISTS ix_batch_batch_name ON ecod_schema.batch (batch_name)"]),
        new("ecod_schema", "process_status",
            [Id, Int("protein_id", "REFERENCES ecod_schema.protein (id)"), Int("batch_id", "REFERENCES ecod_schema.batch (id)"), Text("current_stage"),
             Text("status"), Flag("is_representative"), Text("relative_path"), Text("processing_path"), Text("error_message"), Int("sequence_length"), CreatedAt, UpdatedAt],
            FollowUp: ["CREATE INDEX IF NOT EXISTS ix_process_status_protein ON ecod_schema.process_status (protein_id)",
                       "CREATE INDEX IF NOT EXISTS ix_process_status_batch ON ecod_schema.process_status (batch_id)"]),
        new("ecod_schema", "process_file",
            [Id, Int("process_id", "REFERENCES ecod_schema.process_status (id) ON DELETE CASCADE"), Text("file_type", "NOT NULL"), Text("file_path"),
             Flag("file_exists"), new("file_size", "bigint"), new("last_checked", "timestamptz")],
            FollowUp: ["CREATE INDEX IF NOT EXISTS ix_process_file_process ON ecod_schema.process_file (process_id)"]),
        // The dashboard's protein file page reads the newest audit report of a chain from here (no public definition: the
        // columns are the ones that route selects). Audit tools fill it; the import does not.
        new("ecod_schema", "domain_audit",
            [Id, Int("protein_id", "REFERENCES ecod_schema.protein (id) ON DELETE CASCADE"), new("audit_date", "timestamptz", "NOT NULL DEFAULT now()"),
             Text("visualization_path"), Text("json_report_path"), Text("text_report_path"), Int("total_blast_hits"), Int("total_domains"),
             new("has_short_alignments", "boolean"), Real("max_domain_coverage"), Real("min_domain_coverage"), Real("avg_domain_coverage"), Text("notes")],
            FollowUp: ["CREATE INDEX IF NOT EXISTS ix_domain_audit_protein ON ecod_schema.domain_audit (protein_id, audit_date DESC)"]),
        new("pdb_analysis", "protein",
            [Id, Text("source_id", "NOT NULL UNIQUE"), Text("pdb_id", "NOT NULL"), Text("chain_id", "NOT NULL"), Text("unp_acc"), Text("name"),
             Text("type"), Int("tax_id"), Int("length"), Int("sequence_length"), Flag("is_nonident_rep"), CreatedAt, UpdatedAt],
            FollowUp: ["CREATE INDEX IF NOT EXISTS ix_protein_pdb_chain ON pdb_analysis.protein (pdb_id, chain_id)"]),
        new("pdb_analysis", "protein_sequence",
            [Id, Int("protein_id", "NOT NULL REFERENCES pdb_analysis.protein (id) ON DELETE CASCADE"), Text("sequence"), Text("sequence_md5"), CreatedAt],
            FollowUp: ["CREATE INDEX IF NOT EXISTS ix_protein_sequence_protein ON pdb_analysis.protein_sequence (protein_id)",
                       "CREATE INDEX IF NOT EXISTS ix_protein_sequence_md5 ON pdb_analysis.protein_sequence (sequence_md5)"]),
        // The reference (ECOD) domains the dashboard joins evidence to by ecod_domain_id; the importer adds the ones its evidence names.
        new("pdb_analysis", "domain",
            [Id, Int("ecod_uid", "UNIQUE"), Int("protein_id", "REFERENCES pdb_analysis.protein (id) ON DELETE CASCADE"), Text("domain_id", "NOT NULL"),
             Text("ecod_domain_id"), Text("range", "NOT NULL"), Int("start_pos"), Int("end_pos"), Text("t_group"), Text("h_group"), Text("x_group"), Text("a_group"),
             Flag("is_manual_rep"), Flag("is_f70"), Flag("is_f40"), Flag("is_f99"), Int("hcount"), Int("scount"), Int("length"), Text("chain_id"),
             Text("asym_id"), Text("pdb_range"), CreatedAt, UpdatedAt],
            FollowUp: ["CREATE INDEX IF NOT EXISTS ix_domain_ecod_domain_id ON pdb_analysis.domain (ecod_domain_id)"]),
        new("pdb_analysis", "partition_proteins",
            [Id, Text("pdb_id", "NOT NULL"), Text("chain_id", "NOT NULL"), Int("batch_id", "REFERENCES ecod_schema.batch (id)"), Text("reference_version"),
             new("is_classified", "boolean"), Int("sequence_length"), Real("coverage"), Int("residues_assigned"), Int("domains_with_evidence"),
             Int("fully_classified_domains"), Text("process_version"), Text("algorithm_version"), Text("git_commit_hash"), Text("source_xml_path"),
             Text("source_xml_hash"), Text("domain_summary_path"), Text("domain_summary_hash"), new("process_parameters", "jsonb"),
             new("timestamp", "timestamptz", "NOT NULL DEFAULT now()"), Text("sequence_md5"), Flag("is_peptide")],
            FollowUp: [ProductionSchema.RowUniqueIndex,
                       """CREATE INDEX IF NOT EXISTS ix_partition_proteins_latest ON pdb_analysis.partition_proteins (pdb_id, chain_id, "timestamp" DESC)""",
                       "CREATE INDEX IF NOT EXISTS ix_partition_proteins_version ON pdb_analysis.partition_proteins (process_version)"]),
        new("pdb_analysis", "partition_domains",
            [Id, Int("protein_id", "NOT NULL REFERENCES pdb_analysis.partition_proteins (id) ON DELETE CASCADE"), Int("domain_number", "NOT NULL"),
             Text("domain_id"), Int("start_pos"), Int("end_pos"), Text("range"), Text("pdb_range"), Text("pdb_start"), Text("pdb_end"), Int("length"),
             Text("source"), Text("source_id"), Real("confidence"), Text("t_group"), Text("h_group"), Text("x_group"), Text("a_group"),
             Flag("is_manual_rep"), Flag("is_f70"), Flag("is_f40"), Flag("is_f99"), CreatedAt, Text("primary_evidence_type"),
             Text("primary_evidence_id"), new("evidence_evalue", "double precision"), Text("evidence_query_range"), Text("evidence_hit_range"),
             Text("original_range"), new("optimization_actions", "text[]"), Text("hit_ecod_domain_id")],
            ["UNIQUE (protein_id, domain_number)"]),
        new("pdb_analysis", evidenceTable,
            [Id, Int("domain_id", "NOT NULL REFERENCES pdb_analysis.partition_domains (id) ON DELETE CASCADE"), Text("evidence_type"), Text("source_id"),
             Text("domain_ref_id"), Text("hit_id"), Text("pdb_id"), Text("chain_id"), Real("confidence"), Real("probability"),
             new("evalue", "double precision"), Real("score"), Int("hsp_count"), new("is_discontinuous", "boolean"), Text("t_group"), Text("h_group"),
             Text("x_group"), Text("a_group"), Text("query_range"), Text("hit_range"), CreatedAt],
            FollowUp: [$"CREATE INDEX IF NOT EXISTS \"ix_{evidenceTable}_domain\" ON {SqlIdentifier.Qualified("pdb_analysis", evidenceTable)} (domain_id)"]),
        new("pdb_analysis", "t_classification", [Text("t_id", "PRIMARY KEY"), Text("name")]),
        new("pdb_analysis", "h_classification", [Text("h_id", "PRIMARY KEY"), Text("name")]),
        new("pdb_analysis", "x_classification", [Text("x_id", "PRIMARY KEY"), Text("name")]),
    ];
}
