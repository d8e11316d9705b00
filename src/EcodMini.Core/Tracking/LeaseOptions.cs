namespace EcodMini.Core.Tracking;

/// <summary>How a run takes the tracking database's lease.</summary>
public sealed record LeaseOptions
{
    /// <summary>
    /// A lease whose heartbeat is older than this is stale and may be taken over (on the owner's host only when
    /// its process is also gone). The owner renews every quarter of it.
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Wait for a live owner to finish instead of refusing at once.</summary>
    public bool Wait { get; init; }
    /// <summary>How long to wait at most (null: until cancelled).</summary>
    public TimeSpan? WaitTimeout { get; init; }
    /// <summary>How often a waiting run looks again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan HeartbeatInterval => TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, StaleAfter.Ticks / 4));
}
