namespace EcodMini.Core.Tracking;

/// <summary>The SQLite journal mode picked for a database file and why (shown with -Verbose).</summary>
public sealed record JournalModeChoice(string Mode, string Reason, string? FileSystemType, string? MountPoint)
{
    public const string Wal = "wal";
    public const string Delete = "delete";
}
