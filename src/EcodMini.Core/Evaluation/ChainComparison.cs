namespace EcodMini.Core.Evaluation;

/// <summary>
/// One reference chain scored against its prediction. Ratios with nothing to measure (no reference
/// domains) are 1 when the prediction is also empty, else 0.
/// </summary>
public sealed record ChainComparison
{
    public required string ProteinId { get; init; }
    public required ComparisonStatus Status { get; init; }
    /// <summary>Synthetic chain category when the reference is a truth file, else null.</summary>
    public string? Category { get; init; }
    public int ReferenceDomains { get; init; }
    public int PredictedDomains { get; init; }
    public bool CountMatch { get; init; }
    /// <summary>Reference domains with a predicted domain of the same segment count and every boundary within tolerance.</summary>
    public int DomainsFound { get; init; }
    /// <summary>DomainsFound / ReferenceDomains.</summary>
    public double BoundaryAccuracy { get; init; }
    /// <summary>Found domains whose matching prediction carries the reference t_group.</summary>
    public int TGroupCorrect { get; init; }
    /// <summary>Residues inside predicted domains / sequence length.</summary>
    public double PredictedCoverage { get; init; }
    /// <summary>Reference-domain residues inside predicted domains / reference-domain residues.</summary>
    public double ReferenceResiduesCovered { get; init; }
    public bool OverSplit { get; init; }
    public bool UnderSplit { get; init; }
    public string? Error { get; init; }
}
