using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>File-level rules of opening a tracking database: connection strings, write access, readable errors.</summary>
internal static class TrackingFileAccess
{
    /// <param name="immutable">
    /// Read a WAL database whose folder the reader may not write and beside which lies no -shm, -wal or -journal file
    /// (so no writer is connected nor crashed): SQLite cannot create the shared-memory index there, so the file is read
    /// as immutable (no locks, no index), and opened again as soon as it changes (see TrackingDatabase.Snapshot).
    /// </param>
    public static string ConnectionString(string full, TrackingOpenOptions options, bool immutable = false) => new SqliteConnectionStringBuilder
    {
        DataSource = immutable ? new Uri(full).AbsoluteUri + "?immutable=1" : full,
        Mode = options.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
    }.ToString();

    /// <summary>
    /// A writer needs the folder (created when missing) to be writable: checked up front, so a read-only folder is a
    /// clear error instead of SQLite's "attempt to write a readonly database" halfway. The file itself is checked by
    /// <see cref="EnsureOpenedForWriting"/> once SQLite holds it: opening and closing a descriptor of our own on the
    /// database would drop every POSIX lock this process's SQLite connections hold on it (closing any descriptor of a
    /// file releases them all), and another process closing its connection would then take itself for the last one
    /// and checkpoint and delete the write-ahead log under a live run.
    /// </summary>
    public static void EnsureWritable(string full)
    {
        var dir = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(dir);
            var folderProbe = Path.Combine(dir, $".ecodmini-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (File.Create(folderProbe, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw ReadOnlyForWriter(full, ex.Message, ex);
        }
    }

    /// <summary>SQLite opens a file it may not write read-only without a word: a writer's open asks it and says so.</summary>
    public static void EnsureOpenedForWriting(string full, SqliteConnection connection)
    {
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            throw ReadOnlyForWriter(full, "the file is read-only for this user", null);
    }

    private static TrackingDatabaseException ReadOnlyForWriter(string full, string why, Exception? inner) =>
        new(full, TrackingProblem.ReadOnly,
            $"{full}: cannot write the tracking database or its folder ({why}); a submitting run needs write access to both (reading needs none)", inner);

    /// <summary>The files SQLite keeps beside a database while (or after) a writer works on it.</summary>
    public static IEnumerable<string> JournalFiles(string full) => [full + "-journal", full + "-wal"];

    /// <summary>True when a rollback journal or a write-ahead log lies beside the file.</summary>
    public static bool HasJournalFiles(string full) => JournalFiles(full).Any(File.Exists);

    /// <summary>
    /// True when a read-only open failed only because SQLite could not create the WAL index beside the file, and
    /// nothing beside it says a writer is or was at work (no -shm, -wal or -journal): only then may the file be read as
    /// it is (immutable), and only until it changes.
    /// </summary>
    public static bool NeedsSnapshotRead(string full, SqliteException ex, TrackingOpenOptions options) =>
        options.ReadOnly && ex.SqliteErrorCode is 8 or 14 && !File.Exists(full + "-shm") && !HasJournalFiles(full);

    /// <summary>
    /// Lets SQLite finish a crashed writer's journal (roll back its unfinished transaction, or fold a left-over WAL in)
    /// by one ordinary read-write connection, where this user may write the file and its folder. False when it may not.
    /// </summary>
    public static bool TryRecover(string full, TrackingOpenOptions options)
    {
        try { EnsureWritable(full); }
        catch (TrackingDatabaseException) { return false; }
        try
        {
            using var connection = new SqliteConnection(ConnectionString(full, options with { ReadOnly = false }));
            connection.Open();
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1) return false;
            TrackingDatabase.Execute(connection, $"PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds};");
            TrackingDatabase.Scalar(connection, "SELECT COUNT(*) FROM sqlite_master;");
            return true;
        }
        catch (SqliteException) { return false; }
    }

    /// <summary>A reader that cannot recover a crashed writer's journal: what happened and what to do, never "malformed".</summary>
    public static TrackingDatabaseException UnfinishedTransaction(string full, SqliteException ex) =>
        new(full, TrackingProblem.UnfinishedTransaction,
            $"{full}: the tracker has an unfinished transaction from a crashed writer; run any writing command as its owner to recover " +
            $"(e.g. Get-EcodJobStatus -Refresh as the user who owns {Path.GetFileName(full)}; left beside it: " +
            $"{string.Join(", ", JournalFiles(full).Where(File.Exists).Select(Path.GetFileName))})", ex);

    /// <summary>
    /// SQLite's busy timeout ran out: another process holds the write lock. Says who (when known) and what ends the
    /// wait, instead of SQLite's bare "database is locked".
    /// </summary>
    public static TrackingDatabaseException Locked(string full, TimeSpan? waited, string holder, SqliteException ex) =>
        new(full, TrackingProblem.Locked,
            $"{full}: the tracking database stayed locked{(waited is { } w ? $" for {Math.Ceiling(w.TotalSeconds):0} s" : "")} by {holder} " +
            "inside a write transaction; a process that is suspended (Ctrl+Z, SIGSTOP) or hung on the file system keeps the lock " +
            "until it resumes or ends. Resume it (kill -CONT <pid>) or end it, then run the command again", ex);

    /// <summary>Turns an SQLite error into a message naming the file and what to do.</summary>
    public static TrackingDatabaseException Explain(string full, SqliteException ex, bool readOnly) => ex.SqliteErrorCode switch
    {
        8 => new TrackingDatabaseException(full, TrackingProblem.ReadOnly,
            $"{full}: the tracking database is read-only for this user ({ex.Message}); a submitting run needs write access to the file and its folder", ex),
        26 => new TrackingDatabaseException(full, TrackingProblem.NotATrackingDatabase,
            $"{full}: not an SQLite database ({ex.Message}); name a tracking database file", ex),
        5 or 6 => Locked(full, null, "another process", ex),
        _ => new TrackingDatabaseException(full, TrackingProblem.Unavailable,
            $"{full}: cannot {(readOnly ? "read" : "open")} the tracking database ({ex.Message})", ex),
    };
}
