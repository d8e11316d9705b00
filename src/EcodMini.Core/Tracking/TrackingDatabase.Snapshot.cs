using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// The read entry's freshness rule for a reader that had to open the file as it is (immutable: a WAL tracker in a
/// folder it may not write, with no writer connected). Before each read it looks whether the file changed or a writer
/// appeared (a -wal, -shm or -journal file): then it opens the file again, normally when it can, so a reader started
/// before a run sees that run's progress on its next refresh. A connection replaced so is kept until disposal (a
/// reader may still be reading from it).
/// </summary>
public sealed partial class TrackingDatabase
{
    private const string KeepPagesSql = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;";
    private SnapshotStamp? _snapshot;
    private bool _keepPages;
    private readonly List<SqliteConnection> _retired = [];

    /// <summary>True when the file is read as it is (immutable) until it changes.</summary>
    public bool IsSnapshot => _snapshot is not null;

    /// <summary>A read transaction (deferred: it never takes the write lock) on a fresh connection.</summary>
    private SqliteTransaction BeginRead()
    {
        RefreshSnapshot();
        return _connection.BeginTransaction(deferred: true);
    }

    private void RefreshSnapshot()
    {
        if (_snapshot is null || _snapshot == SnapshotStamp.Of(Path)) return;
        SqliteConnection fresh;
        bool stillSnapshot;
        try
        {
            fresh = Connect(Path, _openOptions, snapshot: false);
            TrackingMigrator.CurrentVersion(fresh);
            stillSnapshot = false;
        }
        catch (SqliteException ex) when (TrackingFileAccess.NeedsSnapshotRead(Path, ex, _openOptions))
        {
            fresh = Connect(Path, _openOptions, snapshot: true);
            stillSnapshot = true;
        }
        catch (SqliteException ex) when (TrackingFileAccess.HasJournalFiles(Path))
        {
            throw TrackingFileAccess.UnfinishedTransaction(Path, ex);
        }
        Execute(fresh, "PRAGMA query_only = 1;");
        if (_keepPages) Execute(fresh, KeepPagesSql);
        _retired.Add(_connection);
        _connection = fresh;
        _snapshot = stillSnapshot ? SnapshotStamp.Of(Path) : null;
    }
}

/// <summary>What tells a file changed or a writer appeared: size, modification time, and the files beside it.</summary>
internal sealed record SnapshotStamp(long Length, DateTime Modified, bool WriterFiles)
{
    public static SnapshotStamp Of(string path)
    {
        var info = new FileInfo(path);
        return new SnapshotStamp(info.Exists ? info.Length : -1, info.Exists ? info.LastWriteTimeUtc : default,
            File.Exists(path + "-shm") || TrackingFileAccess.HasJournalFiles(path));
    }
}
