using EcodMini.Core.Monitoring.Alerts;

namespace EcodMini.Core.Monitoring.Reports;

/// <summary>
/// A comprehensive report of one production run: totals, rates, timings, quality (distribution and histograms),
/// failures by reason, retries, per-batch breakdown and throughput over time. Immutable; written as JSON or HTML.
/// </summary>
public sealed record ProductionReport
{
    public required DateTimeOffset GeneratedAt { get; init; }
    public required string TrackingDatabase { get; init; }
    /// <summary>
    /// Totals, rates, means, quality distribution, pace and ETA, per-batch breakdown and the latest jobs (the same
    /// snapshot as the statistics cmdlet).
    /// </summary>
    public required ProductionStatistics Statistics { get; init; }
    public required TimingSummary Timing { get; init; }
    public required Histogram Coverage { get; init; }
    public required Histogram DomainCount { get; init; }
    public IReadOnlyList<FailureGroup> Failures { get; init; } = [];
    public required RetrySummary Retries { get; init; }
    public required ThroughputSeries Throughput { get; init; }
    public IReadOnlyList<ProductionAlert> Alerts { get; init; } = [];
    /// <summary>SLURM tasks' measured resources with recommendations (null: not included).</summary>
    public Costs.ResourceReport? Resources { get; init; }
    /// <summary>Runs with a cost estimate, against what they used.</summary>
    public IReadOnlyList<Costs.RunCost> Costs { get; init; } = [];
    /// <summary>A run comparison to include (null: none).</summary>
    public RunComparison.RunComparisonSummary? Comparison { get; init; }
    public IReadOnlyList<RunComparison.ChainChange> ComparisonChanges { get; init; } = [];

    /// <summary>Failed / finished (0 when nothing finished).</summary>
    public double FailureRate => Statistics.Completed + Statistics.Failed == 0 ? 0 : (double)Statistics.Failed / (Statistics.Completed + Statistics.Failed);
}
