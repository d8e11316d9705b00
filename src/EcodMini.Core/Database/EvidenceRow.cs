namespace EcodMini.Core.Database;

/// <summary>An evidence row (domain_evidence by default) as staged: the partition's primary evidence, or a supporting summary hit.</summary>
public sealed record EvidenceRow(
    long DomainId, string EvidenceType, string? SourceId, string? DomainRefId, string? HitId, string? PdbId, string? ChainId,
    float? Confidence, float? Probability, double? Evalue, int HspCount, bool IsDiscontinuous, string? TGroup, string? HGroup,
    string? XGroup, string? QueryRange, string? HitRange)
{
    public float? Score { get; init; }
}
