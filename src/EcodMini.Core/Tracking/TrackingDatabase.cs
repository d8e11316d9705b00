using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// The SQLite job tracker. One instance = one connection; not thread-safe (the executor writes from one thread).
/// Other instances (other threads or processes) can read while one writes: WAL on a local disk, rollback journal
/// with a busy timeout on a network file system.
/// </summary>
public sealed partial class TrackingDatabase : IDisposable
{
    private SqliteConnection _connection;

    private TrackingDatabase(string path, SqliteConnection connection, JournalModeChoice journal, int schemaVersion, int migrationsApplied, bool readOnly)
    {
        IsReadOnly = readOnly;
        Path = path;
        _connection = connection;
        JournalChoice = journal;
        SchemaVersion = schemaVersion;
        MigrationsApplied = migrationsApplied;
    }

    public string Path { get; }
    /// <summary>The journal mode in force ("wal" or "delete").</summary>
    public string JournalMode => JournalChoice.Mode;
    /// <summary>Why that journal mode was chosen.</summary>
    public string JournalModeReason => JournalChoice.Reason;
    public JournalModeChoice JournalChoice { get; }
    public int SchemaVersion { get; }
    /// <summary>How many migrations this open applied (0 when the file was already current).</summary>
    public int MigrationsApplied { get; }

    internal SqliteConnection Connection => _connection;

    /// <summary>
    /// Opens (a writer: creates and migrates) a tracking database. Read-only opens change nothing: no schema change,
    /// no journal switch, no file created, so they work in a folder the user may only read. Throws
    /// <see cref="TrackingDatabaseException"/> naming the file and the problem: a file that is an SQLite database with
    /// other tables (left untouched), a schema older (read-only) or newer than this module's, a writer without write
    /// access, or any other open failure.
    /// </summary>
    public static TrackingDatabase Open(string path, TrackingOpenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new TrackingOpenOptions();
        var full = System.IO.Path.GetFullPath(path);
        if (options.ReadOnly && !File.Exists(full))
            throw new TrackingDatabaseException(full, TrackingProblem.Unavailable, $"{full}: tracking database not found; a submitting run creates it");
        var journal = ChooseJournal(path, options);
        if (!options.ReadOnly && journal.LockProblem is { } problem)
            throw new TrackingDatabaseException(full, TrackingProblem.LocksLocalOnly, $"{full}: refusing to write the tracking database: {problem}");
        if (!options.ReadOnly) TrackingFileAccess.EnsureWritable(full);
        try
        {
            return OpenConnection(full, options, journal, snapshot: false);
        }
        catch (SqliteException ex) when (options.ReadOnly && TrackingFileAccess.HasJournalFiles(full))
        {
            // A journal left by a crashed writer: recover it where this user may write, else say so (never read around it).
            if (!TrackingFileAccess.TryRecover(full, options)) throw TrackingFileAccess.UnfinishedTransaction(full, ex);
            try { return OpenConnection(full, options, journal, snapshot: false); }
            catch (SqliteException again) { throw TrackingFileAccess.Explain(full, again, options.ReadOnly); }
        }
        catch (SqliteException ex) when (TrackingFileAccess.NeedsSnapshotRead(full, ex, options))
        {
            try { return OpenConnection(full, options, journal, snapshot: true); }
            catch (SqliteException again) { throw TrackingFileAccess.Explain(full, again, options.ReadOnly); }
        }
        catch (SqliteException ex)
        {
            throw TrackingFileAccess.Explain(full, ex, options.ReadOnly);
        }
    }

    /// <summary>The journal mode for the file's real path and mount (a caller's forced mode overrides the mode, not the lock check).</summary>
    public static JournalModeChoice ChooseJournal(string path, TrackingOpenOptions? options = null)
    {
        options ??= new TrackingOpenOptions();
        var chosen = JournalModeSelector.Choose(path, options.Mounts ?? MountTable.ReadSystem());
        return options.JournalMode is { } forced
            ? chosen with { Mode = forced.ToLowerInvariant(), Reason = $"{forced.ToUpperInvariant()}: set by the caller" }
            : chosen;
    }

    private static TrackingDatabase OpenConnection(string full, TrackingOpenOptions options, JournalModeChoice journal, bool snapshot)
    {
        var connection = Connect(full, options, snapshot);
        try
        {
            var before = TrackingMigrator.CurrentVersion(connection);
            CheckVersion(full, connection, before, options.ReadOnly);
            if (options.ReadOnly)
            {
                var mode = Convert.ToString(Scalar(connection, "PRAGMA journal_mode;"), CultureInfo.InvariantCulture)?.ToLowerInvariant();
                journal = journal with
                {
                    Mode = mode ?? journal.Mode,
                    Reason = snapshot
                        ? "read-only: the folder cannot be written and no writer is connected (no -wal, -shm or -journal file), so the file is read as it is; it is opened again as soon as it changes"
                        : $"read-only: the file's own journal mode ({mode}) is used as it is",
                };
            }
            else journal = SetJournalMode(connection, journal);
            Execute(connection, "PRAGMA foreign_keys = ON;");
            var (after, applied) = options.ReadOnly ? (before, 0) : TrackingMigrator.Migrate(connection);
            Execute(connection, "PRAGMA query_only = 1;");
            return new TrackingDatabase(full, connection, journal, after, applied, options.ReadOnly)
            {
                _openOptions = options with { JournalMode = journal.Mode },
                _snapshot = snapshot ? SnapshotStamp.Of(full) : null,
            };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteConnection Connect(string full, TrackingOpenOptions options, bool snapshot)
    {
        var connection = new SqliteConnection(TrackingFileAccess.ConnectionString(full, options, snapshot));
        try
        {
            connection.Open();
            if (!options.ReadOnly) TrackingFileAccess.EnsureOpenedForWriting(full, connection);
            Execute(connection, $"PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>True when this instance was opened read-only.</summary>
    public bool IsReadOnly { get; }

    private static void CheckVersion(string full, SqliteConnection connection, int version, bool readOnly)
    {
        if (version == 0 && TrackingMigrator.HasOtherTables(connection))
            throw new TrackingDatabaseException(full, TrackingProblem.NotATrackingDatabase,
                $"{full}: this SQLite database has tables but is not a tracking database (no jobs or schema_version table); it was left untouched, name another file");
        if (version > TrackingSchema.CurrentVersion)
            throw new TrackingDatabaseException(full, TrackingProblem.SchemaTooNew,
                $"{full}: tracking schema version {version} is newer than this module's ({TrackingSchema.CurrentVersion}); use the EcodMini version that wrote it");
        if (readOnly && version < TrackingSchema.CurrentVersion)
            throw new TrackingDatabaseException(full, TrackingProblem.SchemaOutdated,
                $"{full}: tracking schema version {version} is older than this module's ({TrackingSchema.CurrentVersion}); readers never change it: a submitting run (a writer) must open it once to migrate it");
    }

    private static JournalModeChoice SetJournalMode(SqliteConnection connection, JournalModeChoice journal)
    {
        var mode = journal.Mode == JournalModeChoice.Wal ? "WAL" : "DELETE";
        var actual = Convert.ToString(Scalar(connection, $"PRAGMA journal_mode = {mode};"), CultureInfo.InvariantCulture);
        if (!string.Equals(actual, journal.Mode, StringComparison.OrdinalIgnoreCase))
            journal = journal with { Mode = actual?.ToLowerInvariant() ?? journal.Mode, Reason = journal.Reason + $" (SQLite kept '{actual}')" };
        Execute(connection, "PRAGMA synchronous = NORMAL;");
        return journal;
    }

    /// <summary>Stops this instance's heartbeat (the lease stays until released or judged gone) and closes the connection.</summary>
    public void Dispose()
    {
        StopHeartbeat();
        _connection.Dispose();
        foreach (var old in _retired) old.Dispose();
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    internal SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        if (transaction is not null) return new SqliteCommand(sql, _connection, transaction);
        RefreshSnapshot();
        return new TrackingReadCommand(Path, _openOptions.BusyTimeout, _connection, sql);
    }
}
