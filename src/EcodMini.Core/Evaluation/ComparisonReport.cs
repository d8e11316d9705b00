namespace EcodMini.Core.Evaluation;

/// <summary>The result of <see cref="PartitionComparer.Compare"/>: every reference chain, the totals, and totals per category.</summary>
public sealed record ComparisonReport
{
    /// <summary>In protein id (ordinal) order.</summary>
    public required IReadOnlyList<ChainComparison> Chains { get; init; }
    public required ComparisonSummary Summary { get; init; }
    /// <summary>Totals per synthetic category (empty when the reference has no categories).</summary>
    public IReadOnlyDictionary<string, ComparisonSummary> SummaryByCategory { get; init; } = new Dictionary<string, ComparisonSummary>();
    /// <summary>Predicted chains that are not in the reference (not scored).</summary>
    public IReadOnlyList<string> UnmatchedPredictions { get; init; } = [];
}
