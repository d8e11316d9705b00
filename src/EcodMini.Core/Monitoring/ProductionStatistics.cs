namespace EcodMini.Core.Monitoring;

/// <summary>A snapshot of production progress computed from the tracking database.</summary>
public sealed record ProductionStatistics
{
    public required IReadOnlyDictionary<string, int> CountsByStatus { get; init; }
    public int Total { get; init; }
    public int Pending { get; init; }
    public int Running { get; init; }
    public int Completed { get; init; }
    /// <summary>Failed, timed out or cancelled.</summary>
    public int Failed { get; init; }
    /// <summary>Completed / (completed + failed); 0 when nothing finished.</summary>
    public double SuccessRate { get; init; }
    /// <summary>Mean coverage of completed chains (their latest result).</summary>
    public double MeanCoverage { get; init; }
    public double MeanDomainCount { get; init; }
    public double MeanProcessingSeconds { get; init; }
    public required QualityDistribution Quality { get; init; }
    public required QualityThresholds Thresholds { get; init; }
    /// <summary>Finished jobs per hour between the first start and the last end.</summary>
    public double ThroughputPerHour { get; init; }
    public double ThroughputPerSecond { get; init; }
    /// <summary>Jobs that ended in the hour before ComputedAt (the current pace).</summary>
    public int FinishedLastHour { get; init; }
    public DateTimeOffset? FirstStart { get; init; }
    public DateTimeOffset? LastEnd { get; init; }
    /// <summary>
    /// Time left for pending + running jobs: at the last hour's pace when jobs ended in that hour, else at the overall
    /// throughput; zero when nothing is left; null when it cannot be estimated.
    /// </summary>
    public TimeSpan? EstimatedRemaining { get; init; }
    public DateTimeOffset? EstimatedCompletion { get; init; }
    public DateTimeOffset ComputedAt { get; init; }
}
