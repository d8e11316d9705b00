namespace EcodMini.Core.Tracking;

/// <summary>
/// The SQLite journal mode picked for a database file and why (shown with -Verbose and by
/// <c>Get-EcodConfiguration -TrackerStorage</c>): the file's real path, the mount holding it and that mount's options,
/// and, where the mount's locks are local to one client, the problem that makes writers refuse it.
/// </summary>
public sealed record JournalModeChoice(string Mode, string Reason, string? FileSystemType, string? MountPoint)
{
    public const string Wal = "wal";
    public const string Delete = "delete";

    /// <summary>The path as given (made absolute).</summary>
    public string? Path { get; init; }
    /// <summary>The path with symlinks, <c>..</c> and bind mounts resolved: the file system is judged from this.</summary>
    public string? RealPath { get; init; }
    /// <summary>The holding mount's options (per-mount and file-system options).</summary>
    public string? MountOptions { get; init; }
    /// <summary>The mount's source (device, server:/export).</summary>
    public string? MountSource { get; init; }
    /// <summary>Why writers refuse this file (locks local to one client), with the fix; null when locks work.</summary>
    public string? LockProblem { get; init; }
}
