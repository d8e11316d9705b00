using NpgsqlTypes;

namespace EcodMini.Core.Database;

/// <summary>The staged column lists of the three tables the importer writes.</summary>
public static class PartitionRows
{
    public static IReadOnlyList<StagingColumn<ProteinRow>> ProteinColumns { get; } =
    [
        new("id", "bigint", NpgsqlDbType.Bigint, r => r.Id),
        new("pdb_id", "text", NpgsqlDbType.Text, r => r.PdbId),
        new("chain_id", "text", NpgsqlDbType.Text, r => r.ChainId),
        new("batch_id", "integer", NpgsqlDbType.Integer, r => r.BatchId),
        new("reference_version", "text", NpgsqlDbType.Text, r => r.ReferenceVersion),
        new("is_classified", "boolean", NpgsqlDbType.Boolean, r => r.IsClassified),
        new("sequence_length", "integer", NpgsqlDbType.Integer, r => r.SequenceLength),
        new("coverage", "real", NpgsqlDbType.Real, r => r.Coverage),
        new("residues_assigned", "integer", NpgsqlDbType.Integer, r => r.ResiduesAssigned),
        new("domains_with_evidence", "integer", NpgsqlDbType.Integer, r => r.DomainsWithEvidence),
        new("fully_classified_domains", "integer", NpgsqlDbType.Integer, r => r.FullyClassifiedDomains),
        new("process_version", "text", NpgsqlDbType.Text, r => r.ProcessVersion),
        new("algorithm_version", "text", NpgsqlDbType.Text, r => r.AlgorithmVersion),
        new("git_commit_hash", "text", NpgsqlDbType.Text, r => r.GitCommitHash),
        new("source_xml_path", "text", NpgsqlDbType.Text, r => r.SourceXmlPath),
        new("source_xml_hash", "text", NpgsqlDbType.Text, r => r.SourceXmlHash),
        new("domain_summary_path", "text", NpgsqlDbType.Text, r => r.DomainSummaryPath),
        new("domain_summary_hash", "text", NpgsqlDbType.Text, r => r.DomainSummaryHash),
        new("process_parameters", "jsonb", NpgsqlDbType.Jsonb, r => r.ProcessParameters),
        new("timestamp", "timestamptz", NpgsqlDbType.TimestampTz, r => r.Timestamp),
        new("sequence_md5", "text", NpgsqlDbType.Text, r => r.SequenceMd5),
        new("is_peptide", "boolean", NpgsqlDbType.Boolean, r => r.IsPeptide),
    ];

    public static IReadOnlyList<StagingColumn<DomainRow>> DomainColumns { get; } =
    [
        new("id", "bigint", NpgsqlDbType.Bigint, r => r.Id),
        new("protein_id", "bigint", NpgsqlDbType.Bigint, r => r.ProteinId),
        new("domain_number", "integer", NpgsqlDbType.Integer, r => r.DomainNumber),
        new("domain_id", "text", NpgsqlDbType.Text, r => r.DomainId),
        new("start_pos", "integer", NpgsqlDbType.Integer, r => r.StartPos),
        new("end_pos", "integer", NpgsqlDbType.Integer, r => r.EndPos),
        new("range", "text", NpgsqlDbType.Text, r => r.Range),
        new("length", "integer", NpgsqlDbType.Integer, r => r.Length),
        new("source", "text", NpgsqlDbType.Text, r => r.Source),
        new("source_id", "text", NpgsqlDbType.Text, r => r.SourceId),
        new("confidence", "real", NpgsqlDbType.Real, r => r.Confidence),
        new("t_group", "text", NpgsqlDbType.Text, r => r.TGroup),
        new("h_group", "text", NpgsqlDbType.Text, r => r.HGroup),
        new("x_group", "text", NpgsqlDbType.Text, r => r.XGroup),
        new("is_manual_rep", "boolean", NpgsqlDbType.Boolean, _ => false),
        new("is_f70", "boolean", NpgsqlDbType.Boolean, _ => false),
        new("is_f40", "boolean", NpgsqlDbType.Boolean, _ => false),
        new("is_f99", "boolean", NpgsqlDbType.Boolean, _ => false),
        new("primary_evidence_type", "text", NpgsqlDbType.Text, r => r.PrimaryEvidenceType),
        new("primary_evidence_id", "text", NpgsqlDbType.Text, r => r.PrimaryEvidenceId),
        new("evidence_evalue", "double precision", NpgsqlDbType.Double, r => r.EvidenceEvalue),
        new("evidence_query_range", "text", NpgsqlDbType.Text, r => r.EvidenceQueryRange),
        new("evidence_hit_range", "text", NpgsqlDbType.Text, r => r.EvidenceHitRange),
        new("original_range", "text", NpgsqlDbType.Text, r => r.OriginalRange),
        new("optimization_actions", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, r => r.OptimizationActions),
        new("hit_ecod_domain_id", "text", NpgsqlDbType.Text, r => r.HitEcodDomainId),
    ];

    public static IReadOnlyList<StagingColumn<EvidenceRow>> EvidenceColumns { get; } =
    [
        new("domain_id", "bigint", NpgsqlDbType.Bigint, r => r.DomainId),
        new("evidence_type", "text", NpgsqlDbType.Text, r => r.EvidenceType),
        new("source_id", "text", NpgsqlDbType.Text, r => r.SourceId),
        new("domain_ref_id", "text", NpgsqlDbType.Text, r => r.DomainRefId),
        new("hit_id", "text", NpgsqlDbType.Text, r => r.HitId),
        new("pdb_id", "text", NpgsqlDbType.Text, r => r.PdbId),
        new("chain_id", "text", NpgsqlDbType.Text, r => r.ChainId),
        new("confidence", "real", NpgsqlDbType.Real, r => r.Confidence),
        new("probability", "real", NpgsqlDbType.Real, r => r.Probability),
        new("evalue", "double precision", NpgsqlDbType.Double, r => r.Evalue),
        new("score", "real", NpgsqlDbType.Real, r => r.Score),
        new("hsp_count", "integer", NpgsqlDbType.Integer, r => r.HspCount),
        new("is_discontinuous", "boolean", NpgsqlDbType.Boolean, r => r.IsDiscontinuous),
        new("t_group", "text", NpgsqlDbType.Text, r => r.TGroup),
        new("h_group", "text", NpgsqlDbType.Text, r => r.HGroup),
        new("x_group", "text", NpgsqlDbType.Text, r => r.XGroup),
        new("query_range", "text", NpgsqlDbType.Text, r => r.QueryRange),
        new("hit_range", "text", NpgsqlDbType.Text, r => r.HitRange),
    ];
}
