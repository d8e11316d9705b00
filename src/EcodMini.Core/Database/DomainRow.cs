namespace EcodMini.Core.Database;

/// <summary>A partition_domains row as staged.</summary>
public sealed record DomainRow(
    long Id, long ProteinId, int DomainNumber, string DomainId, int StartPos, int EndPos, string Range, int Length,
    string Source, string? SourceId, float Confidence, string? TGroup, string? HGroup, string? XGroup,
    string? PrimaryEvidenceType, string? PrimaryEvidenceId, double? EvidenceEvalue, string? EvidenceQueryRange,
    string? EvidenceHitRange, string? OriginalRange,
    string[]? OptimizationActions, string? HitEcodDomainId);
