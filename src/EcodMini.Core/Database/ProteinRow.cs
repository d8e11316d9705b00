namespace EcodMini.Core.Database;

/// <summary>A partition_proteins row as staged (id allocated from the table's sequence before the COPY).</summary>
public sealed record ProteinRow(
    long Id, string PdbId, string ChainId, int? BatchId, string? ReferenceVersion, bool IsClassified, int SequenceLength,
    float Coverage, int ResiduesAssigned, int DomainsWithEvidence, int FullyClassifiedDomains, string ProcessVersion,
    string? AlgorithmVersion, string? SourceXmlPath, string? SourceXmlHash, string? DomainSummaryPath,
    string? DomainSummaryHash, string ProcessParameters, DateTime Timestamp)
{
    public string? GitCommitHash { get; init; }
    /// <summary>MD5 (hex) of the chain's sequence, when the partition carries the sequence.</summary>
    public string? SequenceMd5 { get; init; }
    public bool IsPeptide { get; init; }
}
