namespace EcodMini.Core.Tracking;

/// <summary>How to open a tracking database.</summary>
public sealed record TrackingOpenOptions
{
    /// <summary>How long a connection waits for another's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The mount table used to choose the journal mode; null reads the running system's.</summary>
    public MountTable? Mounts { get; init; }
    /// <summary>Forces a journal mode ("wal" or "delete") instead of choosing from the file system.</summary>
    public string? JournalMode { get; init; }
    /// <summary>Open without creating or migrating (fails if the file is missing).</summary>
    public bool ReadOnly { get; init; }
}
