using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring;

/// <summary>
/// One consistent snapshot of production progress (read in one read transaction): totals, per-batch rows, quality
/// of the current results, the pace over a window no longer than the current run, the ETA from that pace, the
/// run that owns the database, and the latest completions and failures. Immutable; safe to hand to any thread.
/// </summary>
public sealed record ProductionStatistics
{
    public required IReadOnlyDictionary<string, int> CountsByStatus { get; init; }
    public int Total { get; init; }
    public int Pending { get; init; }
    public int Running { get; init; }
    public int Completed { get; init; }
    /// <summary>Failed or timed out (cancellations are counted apart, in <see cref="Cancelled"/>).</summary>
    public int Failed { get; init; }
    /// <summary>Of <see cref="Failed"/>: failures with a permanent error (bad or missing input; never retried).</summary>
    public int FailedPermanent { get; init; }
    /// <summary>Of <see cref="Failed"/>: failures with a transient error (time limit, memory, node, I/O, lost; retried by the policy).</summary>
    public int FailedTransient { get; init; }
    /// <summary>Stopped by a user (Stop-EcodJob): neither a success nor a failure.</summary>
    public int Cancelled { get; init; }
    /// <summary>Completed / (completed + failed); 0 when nothing finished.</summary>
    public double SuccessRate { get; init; }
    /// <summary>Mean coverage of completed chains (their current result).</summary>
    public double MeanCoverage { get; init; }
    public double MeanDomainCount { get; init; }
    public double MeanProcessingSeconds { get; init; }
    public required QualityDistribution Quality { get; init; }
    public required QualityThresholds Thresholds { get; init; }
    /// <summary>Per batch, in batch-name order.</summary>
    public IReadOnlyList<BatchStatistics> Batches { get; init; } = [];
    /// <summary>True when jobs exist and none is pending or running.</summary>
    public bool IsFinished { get; init; }
    /// <summary>
    /// The run's throughput: once finished (<see cref="IsFinished"/>) the overall figure (completed chains / (last
    /// completion - first start)); while work is left the recent pace (<see cref="RecentThroughputPerHour"/>).
    /// </summary>
    public double ThroughputPerHour { get; init; }
    /// <summary><see cref="ThroughputPerHour"/> per second.</summary>
    public double ThroughputPerSecond { get; init; }
    /// <summary>The sliding-window pace: jobs finished within <see cref="ThroughputWindow"/> per hour of it (the ETA's basis).</summary>
    public double RecentThroughputPerHour { get; init; }
    /// <summary>The window actually used: the requested one, cut to the current run's age (zero when no run started).</summary>
    public TimeSpan ThroughputWindow { get; init; }
    public int FinishedInWindow { get; init; }
    /// <summary>Completed chains per hour between the first start and the last completion in the whole tracker (to the millisecond).</summary>
    public double OverallThroughputPerHour { get; init; }
    /// <summary>The end of the latest completed chain.</summary>
    public DateTimeOffset? LastCompletion { get; init; }
    /// <summary>The latest run (by its attempts) and when it started its first attempt.</summary>
    public string? RunId { get; init; }
    public DateTimeOffset? RunStartedAt { get; init; }
    /// <summary>The run holding the database's lease now, or null when none runs.</summary>
    public TrackerLease? ActiveRun { get; init; }
    public DateTimeOffset? FirstStart { get; init; }
    public DateTimeOffset? LastEnd { get; init; }
    /// <summary>Time left for pending + running jobs at the recent pace; zero when nothing is left; null when there is no pace.</summary>
    public TimeSpan? EstimatedRemaining { get; init; }
    public DateTimeOffset? EstimatedCompletion { get; init; }
    /// <summary>The latest completed jobs, newest first.</summary>
    public IReadOnlyList<JobRecord> RecentCompletions { get; init; } = [];
    /// <summary>The latest failed, timed-out or cancelled jobs, newest first.</summary>
    public IReadOnlyList<JobRecord> RecentFailures { get; init; } = [];
    public DateTimeOffset ComputedAt { get; init; }
}
