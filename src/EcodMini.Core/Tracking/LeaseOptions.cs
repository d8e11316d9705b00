namespace EcodMini.Core.Tracking;

/// <summary>How a run takes and keeps the tracking database's lease.</summary>
public sealed record LeaseOptions
{
    /// <summary>The default lease timeout (configuration <c>execution.lease_timeout</c>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);
    /// <summary>The default heartbeat interval (configuration <c>execution.heartbeat_interval</c>).</summary>
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The lease timeout: an owner whose heartbeat counter has not advanced for this long (measured on the observer's
    /// own monotonic clock, or on the shared clock of the same boot of the same machine) is judged gone and may be
    /// taken over.
    /// </summary>
    public TimeSpan StaleAfter { get; init; } = DefaultTimeout;
    /// <summary>How often the owner's background timer advances its heartbeat; at most a quarter of <see cref="StaleAfter"/>.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = DefaultHeartbeat;
    /// <summary>Wait for a live owner to finish instead of refusing at once.</summary>
    public bool Wait { get; init; }
    /// <summary>How long to wait at most (null: until cancelled).</summary>
    public TimeSpan? WaitTimeout { get; init; }
    /// <summary>How often a waiting run looks again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The problem with these settings, or null when they are valid (heartbeat positive and at most timeout / 4).</summary>
    public string? Problem() =>
        StaleAfter <= TimeSpan.Zero ? $"the lease timeout must be positive, got {StaleAfter.TotalSeconds:0.###} s"
        : HeartbeatInterval <= TimeSpan.Zero ? $"the heartbeat interval must be positive, got {HeartbeatInterval.TotalSeconds:0.###} s"
        : HeartbeatInterval.Ticks * 4 > StaleAfter.Ticks
            ? $"the heartbeat interval ({HeartbeatInterval.TotalSeconds:0.###} s) must be at most a quarter of the lease timeout ({StaleAfter.TotalSeconds:0.###} s)"
        : null;

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when the settings are invalid.</summary>
    public LeaseOptions Validated() => Problem() is { } problem ? throw new ArgumentException(problem) : this;
}
