using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Monitoring.Cluster;
using EcodMini.Core.Monitoring.Resources;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>
/// Everything one dashboard frame shows, read at one moment: the tracker's statistics snapshot (counts, pace, quality,
/// batches, latest jobs, the run holding the lease), the alerts it raises and the free space where outputs go.
/// Immutable and free of I/O, so renderers and tests use it alike. Headline figures are repeated at the top level.
/// </summary>
public sealed record DashboardSnapshot
{
    public required DateTimeOffset TakenAt { get; init; }
    public required string TrackingDatabase { get; init; }
    public required ProductionStatistics Statistics { get; init; }
    public IReadOnlyList<ProductionAlert> Alerts { get; init; } = [];
    public IReadOnlyList<DiskSpace> Disks { get; init; } = [];
    /// <summary>What the dashboard's last squeue poll saw of the tracker's open SLURM runs; null when none is open.</summary>
    public ClusterQueueView? Cluster { get; init; }

    /// <summary>True before the first submission: no tracking database yet, or one without jobs.</summary>
    public bool NoRunsYet => Total == 0;

    /// <summary>The snapshot of a tracking database that does not exist yet (nothing submitted).</summary>
    public static DashboardSnapshot Empty(string trackingDatabase, DateTimeOffset now, QualityThresholds? thresholds = null) => new()
    {
        TakenAt = now,
        TrackingDatabase = trackingDatabase,
        Statistics = new ProductionStatistics
        {
            CountsByStatus = Tracking.JobStatus.All.ToDictionary(s => s, _ => 0),
            Quality = new QualityDistribution(0, 0, 0),
            Thresholds = thresholds ?? QualityThresholds.Default,
            ComputedAt = now,
        },
    };

    public int Total => Statistics.Total;
    public int Completed => Statistics.Completed;
    public int Failed => Statistics.Failed;
    public int Running => Statistics.Running;
    public int Pending => Statistics.Pending;
    public IReadOnlyList<BatchStatistics> Batches => Statistics.Batches;
    public IReadOnlyList<JobRecord> RecentCompletions => Statistics.RecentCompletions;
    public IReadOnlyList<JobRecord> RecentFailures => Statistics.RecentFailures;
    /// <summary>The run holding the tracker's lease, or null when none runs.</summary>
    public TrackerLease? ActiveRun => Statistics.ActiveRun;
    /// <summary>Finished (completed or failed) / total.</summary>
    public double FinishedFraction => Total == 0 ? 0 : (double)(Completed + Failed) / Total;
    public double ThroughputPerHour => Statistics.ThroughputPerHour;
    public double OverallThroughputPerHour => Statistics.OverallThroughputPerHour;
    public double RecentThroughputPerHour => Statistics.RecentThroughputPerHour;
    public TimeSpan? EstimatedRemaining => Statistics.EstimatedRemaining;
    public bool IsDone => Total > 0 && Pending == 0 && Running == 0;
}
