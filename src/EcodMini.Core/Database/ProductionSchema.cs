namespace EcodMini.Core.Database;

/// <summary>
/// The ECOD production schema (FORMATS.md, "PostgreSQL production schema"): names, the row key of partition_proteins,
/// and the columns the importer, the verifier and the representative reader need from an existing database. The tables
/// themselves are in <see cref="ProductionTables"/>, the readers' views in <see cref="ReaderViews"/>.
/// </summary>
public static class ProductionSchema
{
    public const string EcodSchema = "ecod_schema";
    public const string AnalysisSchema = "pdb_analysis";
    public const string DefaultEvidenceTable = "domain_evidence";
    /// <summary>The ecod_schema.batch type of batch rows the importer creates: one of the two the team's batch pages list (a partition is domain analysis).</summary>
    public const string ImportedBatchType = "domain_analysis";

    /// <summary>
    /// One row per chain, batch, process version and timestamp: a chain may hold several revisions of one process version
    /// (Version strategy); the per-row clock keeps their timestamps apart.
    /// </summary>
    public const string RowUniqueIndexName = "ux_partition_proteins_row";
    public const string RowUniqueIndex = $"""
        CREATE UNIQUE INDEX IF NOT EXISTS {RowUniqueIndexName}
            ON pdb_analysis.partition_proteins (pdb_id, chain_id, batch_id, process_version, "timestamp") NULLS NOT DISTINCT
        """;
    /// <summary>The key earlier EcodMini releases created (one row per chain, batch and version); it forbids revisions.</summary>
    public const string LegacyUniqueIndexName = "ux_partition_proteins_version";

    /// <summary>The tables the tool uses and, per table, the columns it reads or writes (schema, table, columns).</summary>
    public static IReadOnlyList<(string Schema, string Table, string[] Columns)> RequiredColumns(string evidenceTable) =>
    [
        (EcodSchema, "protein", ["id", "pdb_id", "chain_id", "source_id", "length"]),
        (EcodSchema, "batch", ["id", "batch_name", "base_path", "type", "ref_version", "total_items", "completed_items", "status", "created_at", "completed_at"]),
        (EcodSchema, "process_status", ["id", "protein_id", "batch_id", "current_stage", "status", "is_representative", "relative_path", "processing_path",
            "error_message", "sequence_length", "created_at", "updated_at"]),
        (EcodSchema, "process_file", ["process_id", "file_type", "file_path", "file_exists", "file_size", "last_checked"]),
        (AnalysisSchema, "protein", ["id", "pdb_id", "chain_id", "source_id", "length", "is_nonident_rep"]),
        (AnalysisSchema, "protein_sequence", ["protein_id", "sequence", "sequence_md5"]),
        (AnalysisSchema, "domain", ["domain_id", "ecod_domain_id", "range", "start_pos", "end_pos", "t_group", "h_group", "x_group", "chain_id", "length"]),
        (AnalysisSchema, "partition_proteins", [.. PartitionRows.ProteinColumns.Select(c => c.Name)]),
        (AnalysisSchema, "partition_domains", [.. PartitionRows.DomainColumns.Select(c => c.Name)]),
        (AnalysisSchema, evidenceTable, [.. PartitionRows.EvidenceColumns.Select(c => c.Name)]),
    ];

    /// <summary>Tables whose id the importer allocates from the column's sequence (serial or identity).</summary>
    public static IReadOnlyList<string> SequencedTables { get; } = ["pdb_analysis.partition_proteins", "pdb_analysis.partition_domains"];
}
