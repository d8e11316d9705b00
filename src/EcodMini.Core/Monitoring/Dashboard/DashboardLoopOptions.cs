namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>How often a dashboard refreshes and when it stops by itself (it always stops on cancellation).</summary>
public sealed record DashboardLoopOptions
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Stop after this many refreshes; null = until cancelled.</summary>
    public int? MaxRefreshes { get; init; }
    /// <summary>Stop once nothing is pending or running.</summary>
    public bool StopWhenDone { get; init; }
}
