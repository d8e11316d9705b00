using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>One parsed, validated evidence hit with its computed confidence (section 3).</summary>
internal sealed record Evidence
{
    public required string Type { get; init; }
    public required string TargetId { get; init; }
    public required string Pdb { get; init; }
    public required string Chain { get; init; }
    public required ResidueRange QueryRange { get; init; }
    public ResidueRange? HitRange { get; init; }
    public double? Evalue { get; init; }
    public double? Probability { get; init; }
    public int? ReferenceLength { get; init; }
    public string? TGroup { get; init; }
    public string? HGroup { get; init; }
    public string? Family { get; init; }
    public ChainAlignment? Alignment { get; init; }
    public double Confidence { get; init; }
    /// <summary>Below its section 4 threshold: a candidate only with enough agreeing hits (<see cref="PartitionOptions.AgreementMinHits"/>).</summary>
    public bool BelowThreshold { get; init; }
    /// <summary>Below every floor but kept to vote (<see cref="PartitionOptions.WeakHitVotes"/>): never a candidate.</summary>
    public bool VoteOnly { get; init; }
    /// <summary>Position in the input, the last ordering tie-break.</summary>
    public int Index { get; init; }

    public double? ReferenceCoverage =>
        HitRange is not null && ReferenceLength is > 0 ? (double)HitRange.TotalLength / ReferenceLength.Value : null;
}
