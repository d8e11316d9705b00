namespace EcodMini.Core.Monitoring.Alerts;

/// <summary>Who holds the tracker's run lease and when it last renewed its heartbeat (as a reader saw it).</summary>
public sealed record LeaseState(string Owner, string RunId, DateTimeOffset HeartbeatAt)
{
    public DateTimeOffset? AcquiredAt { get; init; }

    public TimeSpan Age(DateTimeOffset now) => now - HeartbeatAt;
}
