namespace EcodMini.Core.Tracking;

/// <summary>
/// The run that owns a tracking database: who (fully qualified host, boot, pid namespace, pid, process start), since
/// when, its fencing token (<see cref="Generation"/>) and its heartbeat (a counter the owner advances, the owner's
/// monotonic clock at the last beat, and the wall time only for people to read).
/// </summary>
public sealed record TrackerLease
{
    public required string RunId { get; init; }
    /// <summary>The owner's fully qualified host name.</summary>
    public required string Host { get; init; }
    public int ProcessId { get; init; }
    /// <summary>The owner process's start time (tells a live owner from a reused process id).</summary>
    public string? ProcessStart { get; init; }
    /// <summary>The owner machine's boot id (/proc/sys/kernel/random/boot_id): a pid is checked only on the same boot.</summary>
    public string? BootId { get; init; }
    /// <summary>The owner's pid namespace (containers sharing a host name and boot have different ones).</summary>
    public string? PidNamespace { get; init; }
    public DateTimeOffset AcquiredAt { get; init; }
    public DateTimeOffset HeartbeatAt { get; init; }
    /// <summary>The fencing token: grows with every acquisition; a write checks it is still its own.</summary>
    public long Generation { get; init; }
    /// <summary>How many heartbeats the owner has sent since it acquired the lease.</summary>
    public long HeartbeatCount { get; init; }
    /// <summary>The owner's monotonic clock (ms since its boot) at its last heartbeat; comparable only on that boot.</summary>
    public long? HeartbeatMonotonicMs { get; init; }
    /// <summary>The owner's work folder (chunk manifests and result files).</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>"run R (host H, pid P, since T, last heartbeat T2)", for messages.</summary>
    public string Describe() =>
        $"run {RunId} (host {Host}, pid {ProcessId}, lease generation {Generation}, since {TrackingTime.ToText(AcquiredAt)}, " +
        $"heartbeat {HeartbeatCount} at {TrackingTime.ToText(HeartbeatAt)})";
}
