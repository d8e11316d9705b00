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
    private readonly SqliteConnection _connection;

    private TrackingDatabase(string path, SqliteConnection connection, JournalModeChoice journal, int schemaVersion, int migrationsApplied)
    {
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

    public static TrackingDatabase Open(string path, TrackingOpenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new TrackingOpenOptions();
        var full = System.IO.Path.GetFullPath(path);
        if (options.ReadOnly && !File.Exists(full)) throw new FileNotFoundException($"Tracking database not found: {full}", full);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!options.ReadOnly && dir is not null) Directory.CreateDirectory(dir);

        var journal = options.JournalMode is { } forced
            ? new JournalModeChoice(forced.ToLowerInvariant(), $"{forced.ToUpperInvariant()}: set by the caller", null, null)
            : JournalModeSelector.Choose(full, options.Mounts ?? MountTable.ReadSystem());

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = options.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds};");
            if (!options.ReadOnly)
            {
                var mode = journal.Mode == JournalModeChoice.Wal ? "WAL" : "DELETE";
                var actual = Convert.ToString(Scalar(connection, $"PRAGMA journal_mode = {mode};"), CultureInfo.InvariantCulture);
                if (!string.Equals(actual, journal.Mode, StringComparison.OrdinalIgnoreCase))
                    journal = journal with { Mode = actual?.ToLowerInvariant() ?? journal.Mode, Reason = journal.Reason + $" (SQLite kept '{actual}')" };
                Execute(connection, "PRAGMA synchronous = NORMAL;");
            }
            Execute(connection, "PRAGMA foreign_keys = ON;");
            var before = TrackingMigrator.CurrentVersion(connection);
            if (options.ReadOnly && before != TrackingSchema.CurrentVersion)
                throw new InvalidOperationException($"Tracking database {full} is at schema version {before}, not {TrackingSchema.CurrentVersion}: open it read-write once to migrate it");
            var after = options.ReadOnly ? before : TrackingMigrator.Migrate(connection);
            return new TrackingDatabase(full, connection, journal, after, after - before);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();

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
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
