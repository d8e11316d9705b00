namespace EcodMini.Core.Database;

/// <summary>A summary hit that supports a domain, with its values parsed (what an evidence row stores).</summary>
public sealed record SupportingHit(string Type, string? TargetId, string? Pdb, string? Chain, string QueryRange, string? HitRange,
    double? Evalue, double? Probability, string? TGroup, string? HGroup)
{
    /// <summary>The hit's raw score when the summary carries one.</summary>
    public double? Score { get; init; }
    public int? HspCount { get; init; }
    /// <summary>The chain's HHsearch probabilities are on the 0-100 scale (<see cref="Algorithm.ProbabilityScale"/>), as the engine read them.</summary>
    public bool PercentScale { get; init; }
}
