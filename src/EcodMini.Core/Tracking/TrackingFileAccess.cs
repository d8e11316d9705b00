using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>File-level rules of opening a tracking database: connection strings, write access, readable errors.</summary>
internal static class TrackingFileAccess
{
    /// <param name="immutable">
    /// Read a WAL database whose folder the reader may not write and that has no -shm file (so no writer is connected):
    /// SQLite cannot create the shared-memory index there, so the file is read as immutable (no locks, no index).
    /// </param>
    public static string ConnectionString(string full, TrackingOpenOptions options, bool immutable = false) => new SqliteConnectionStringBuilder
    {
        DataSource = immutable ? new Uri(full).AbsoluteUri + "?immutable=1" : full,
        Mode = options.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
    }.ToString();

    /// <summary>
    /// A writer needs the folder (created when missing) and an existing file to be writable: checked up front, so a
    /// read-only file is a clear error instead of SQLite's "attempt to write a readonly database" halfway.
    /// </summary>
    public static void EnsureWritable(string full)
    {
        var dir = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(dir);
            if (File.Exists(full))
            {
                using var probe = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            var folderProbe = Path.Combine(dir, $".ecodmini-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (File.Create(folderProbe, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new TrackingDatabaseException(full, TrackingProblem.ReadOnly,
                $"{full}: cannot write the tracking database or its folder ({ex.Message}); a submitting run needs write access to both (reading needs none)", ex);
        }
    }

    /// <summary>True when a read-only open failed only because SQLite could not create the WAL index beside the file.</summary>
    public static bool NeedsImmutableRead(string full, SqliteException ex, TrackingOpenOptions options) =>
        options.ReadOnly && ex.SqliteErrorCode is 8 or 14 && !File.Exists(full + "-shm");

    /// <summary>Turns an SQLite error into a message naming the file and what to do.</summary>
    public static TrackingDatabaseException Explain(string full, SqliteException ex, bool readOnly) => ex.SqliteErrorCode switch
    {
        8 => new TrackingDatabaseException(full, TrackingProblem.ReadOnly,
            $"{full}: the tracking database is read-only for this user ({ex.Message}); a submitting run needs write access to the file and its folder", ex),
        26 => new TrackingDatabaseException(full, TrackingProblem.NotATrackingDatabase,
            $"{full}: not an SQLite database ({ex.Message}); name a tracking database file", ex),
        5 or 6 => new TrackingDatabaseException(full, TrackingProblem.Unavailable,
            $"{full}: the tracking database stayed locked by another process ({ex.Message}); try again", ex),
        _ => new TrackingDatabaseException(full, TrackingProblem.Unavailable,
            $"{full}: cannot {(readOnly ? "read" : "open")} the tracking database ({ex.Message})", ex),
    };
}
