namespace EcodMini.Core.Database;

/// <summary>
/// The ECOD production schema (FORMATS.md, "PostgreSQL production schema"): the DDL that creates it on an empty
/// database, and the columns the importer, the verifier and the representative reader need from an existing one.
/// Every statement is idempotent (IF NOT EXISTS), so creating over a partial schema only adds what is missing.
/// </summary>
public static class ProductionSchema
{
    public const string EcodSchema = "ecod_schema";
    public const string AnalysisSchema = "pdb_analysis";
    public const string DefaultEvidenceTable = "domain_evidence";
    /// <summary>The ecod_schema.batch type written on batch rows the importer creates.</summary>
    public const string ImportedBatchType = "mini_import";

    /// <summary>The DDL, with the evidence table's (validated) name substituted.</summary>
    public static IReadOnlyList<string> CreateStatements(string evidenceTable)
    {
        var evidence = SqlIdentifier.Qualified(AnalysisSchema, evidenceTable);
        var ix = evidenceTable;
        return
        [
            "CREATE SCHEMA IF NOT EXISTS ecod_schema",
            "CREATE SCHEMA IF NOT EXISTS pdb_analysis",
            """
            CREATE TABLE IF NOT EXISTS ecod_schema.protein (
                id serial PRIMARY KEY, pdb_id text NOT NULL, chain_id text NOT NULL, source_id text NOT NULL UNIQUE,
                length integer, created_at timestamptz NOT NULL DEFAULT now())
            """,
            """
            CREATE TABLE IF NOT EXISTS ecod_schema.batch (
                id serial PRIMARY KEY, batch_name text NOT NULL, base_path text, type text, ref_version text,
                total_items integer, completed_items integer, status text, created_at timestamptz NOT NULL DEFAULT now(),
                completed_at timestamptz)
            """,
            "CREATE INDEX IF NOT EXISTS ix_batch_batch_name ON ecod_schema.batch (batch_name)",
            """
            CREATE TABLE IF NOT EXISTS ecod_schema.process_status (
                id serial PRIMARY KEY, protein_id integer REFERENCES ecod_schema.protein (id),
                batch_id integer REFERENCES ecod_schema.batch (id), current_stage text, status text,
                is_representative boolean NOT NULL DEFAULT false, relative_path text, error_message text,
                created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())
            """,
            "CREATE INDEX IF NOT EXISTS ix_process_status_protein ON ecod_schema.process_status (protein_id)",
            "CREATE INDEX IF NOT EXISTS ix_process_status_batch ON ecod_schema.process_status (batch_id)",
            """
            CREATE TABLE IF NOT EXISTS pdb_analysis.partition_proteins (
                id serial PRIMARY KEY, pdb_id text NOT NULL, chain_id text NOT NULL,
                batch_id integer REFERENCES ecod_schema.batch (id), reference_version text, is_classified boolean,
                sequence_length integer, coverage real, residues_assigned integer, domains_with_evidence integer,
                fully_classified_domains integer, process_version text, algorithm_version text, git_commit_hash text,
                source_xml_path text, source_xml_hash text, domain_summary_path text, domain_summary_hash text,
                process_parameters jsonb, "timestamp" timestamptz NOT NULL DEFAULT now())
            """,
            // One row per chain, batch and process version: a racing importer fails instead of duplicating.
            """
            CREATE UNIQUE INDEX IF NOT EXISTS ux_partition_proteins_version
                ON pdb_analysis.partition_proteins (pdb_id, chain_id, batch_id, process_version) NULLS NOT DISTINCT
            """,
            """CREATE INDEX IF NOT EXISTS ix_partition_proteins_latest ON pdb_analysis.partition_proteins (pdb_id, chain_id, "timestamp" DESC)""",
            """
            CREATE TABLE IF NOT EXISTS pdb_analysis.partition_domains (
                id serial PRIMARY KEY, protein_id integer NOT NULL REFERENCES pdb_analysis.partition_proteins (id) ON DELETE CASCADE,
                domain_number integer NOT NULL, domain_id text, start_pos integer, end_pos integer, range text,
                pdb_range text, pdb_start text, pdb_end text, length integer, source text, source_id text,
                confidence real, t_group text, h_group text, x_group text, a_group text,
                is_manual_rep boolean NOT NULL DEFAULT false, is_f70 boolean NOT NULL DEFAULT false,
                is_f40 boolean NOT NULL DEFAULT false, is_f99 boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now(), primary_evidence_type text, primary_evidence_id text,
                evidence_evalue double precision, evidence_query_range text, evidence_hit_range text,
                original_range text, optimization_actions text, hit_ecod_domain_id text,
                UNIQUE (protein_id, domain_number))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {evidence} (
                id serial PRIMARY KEY, domain_id integer NOT NULL REFERENCES pdb_analysis.partition_domains (id) ON DELETE CASCADE,
                evidence_type text, source_id text, domain_ref_id text, hit_id text, pdb_id text, chain_id text,
                confidence real, probability real, evalue double precision, score real, hsp_count integer,
                is_discontinuous boolean, t_group text, h_group text, x_group text, a_group text, query_range text,
                hit_range text, created_at timestamptz NOT NULL DEFAULT now())
            """,
            $"CREATE INDEX IF NOT EXISTS \"ix_{ix}_domain\" ON {evidence} (domain_id)",
            "CREATE TABLE IF NOT EXISTS pdb_analysis.t_classification (t_id text PRIMARY KEY, name text)",
            "CREATE TABLE IF NOT EXISTS pdb_analysis.h_classification (h_id text PRIMARY KEY, name text)",
            "CREATE TABLE IF NOT EXISTS pdb_analysis.x_classification (x_id text PRIMARY KEY, name text)",
        ];
    }

    /// <summary>The tables the tool uses and, per table, the columns it reads or writes (schema, table, columns).</summary>
    public static IReadOnlyList<(string Schema, string Table, string[] Columns)> RequiredColumns(string evidenceTable) =>
    [
        (EcodSchema, "protein", ["id", "pdb_id", "chain_id", "source_id"]),
        (EcodSchema, "batch", ["id", "batch_name", "base_path", "type", "ref_version", "status", "created_at"]),
        (EcodSchema, "process_status", ["protein_id", "is_representative"]),
        (AnalysisSchema, "partition_proteins", [.. PartitionRows.ProteinColumns.Select(c => c.Name), "timestamp"]),
        (AnalysisSchema, "partition_domains", [.. PartitionRows.DomainColumns.Select(c => c.Name)]),
        (AnalysisSchema, evidenceTable, [.. PartitionRows.EvidenceColumns.Select(c => c.Name)]),
    ];

    /// <summary>Tables whose id the importer allocates from the column's sequence (serial or identity).</summary>
    public static IReadOnlyList<string> SequencedTables { get; } = ["pdb_analysis.partition_proteins", "pdb_analysis.partition_domains"];
}
