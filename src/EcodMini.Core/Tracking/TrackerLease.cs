namespace EcodMini.Core.Tracking;

/// <summary>The run that owns a tracking database: who (host, process), since when, and its last heartbeat.</summary>
public sealed record TrackerLease
{
    public required string RunId { get; init; }
    public required string Host { get; init; }
    public int ProcessId { get; init; }
    /// <summary>The owner process's start time (tells a live owner from a reused process id).</summary>
    public string? ProcessStart { get; init; }
    public DateTimeOffset AcquiredAt { get; init; }
    public DateTimeOffset HeartbeatAt { get; init; }
    /// <summary>The owner's work folder (chunk manifests and result files).</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>"run R (host H, pid P, since T, last heartbeat T2)", for messages.</summary>
    public string Describe() =>
        $"run {RunId} (host {Host}, pid {ProcessId}, since {TrackingTime.ToText(AcquiredAt)}, last heartbeat {TrackingTime.ToText(HeartbeatAt)})";
}
