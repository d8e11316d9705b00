using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Monitoring.Resources;

namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>
/// Everything one dashboard frame shows, read at one moment: immutable and free of I/O, so renderers and tests use
/// it alike. The headline figures are repeated at the top level for tables and scripts.
/// </summary>
public sealed record DashboardSnapshot
{
    public required DateTimeOffset TakenAt { get; init; }
    public required string TrackingDatabase { get; init; }
    public required ProductionStatistics Statistics { get; init; }
    public IReadOnlyList<BatchProgress> Batches { get; init; } = [];
    public IReadOnlyList<RecentJob> RecentCompletions { get; init; } = [];
    public IReadOnlyList<RecentJob> RecentFailures { get; init; } = [];
    public IReadOnlyList<ProductionAlert> Alerts { get; init; } = [];
    public IReadOnlyList<DiskSpace> Disks { get; init; } = [];
    public LeaseState? Lease { get; init; }

    public int Total => Statistics.Total;
    public int Completed => Statistics.Completed;
    public int Failed => Statistics.Failed;
    public int Running => Statistics.Running;
    public int Pending => Statistics.Pending;
    /// <summary>Finished (completed or failed) / total.</summary>
    public double FinishedFraction => Total == 0 ? 0 : (double)(Completed + Failed) / Total;
    public double ThroughputPerHour => Statistics.ThroughputPerHour;
    public TimeSpan? EstimatedRemaining => Statistics.EstimatedRemaining;
    public bool IsDone => Total > 0 && Pending == 0 && Running == 0;
}
