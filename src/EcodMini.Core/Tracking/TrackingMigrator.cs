using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// Brings a tracking database to the current schema. A database made by the design's original code (a jobs
/// table but no schema_version) counts as version 1.
/// </summary>
internal static class TrackingMigrator
{
    private const string VersionTableSql =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMP NOT NULL);";

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        if (TableExists(connection, "schema_version", transaction))
            return Convert.ToInt32(TrackingDatabase.Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", transaction) ?? 0,
                CultureInfo.InvariantCulture);
        return TableExists(connection, "jobs", transaction) ? 1 : 0;
    }

    /// <summary>
    /// Applies every missing migration in one exclusive transaction that reads the version again once it holds the
    /// write lock: of several processes opening a new tracker at once, the first migrates and the others find it
    /// current (and wait for it rather than fail: the busy timeout covers the wait). Returns the resulting version and
    /// how many migrations this call applied.
    /// </summary>
    public static (int Version, int Applied) Migrate(SqliteConnection connection)
    {
        var known = CurrentVersion(connection);
        if (known >= TrackingSchema.CurrentVersion) return (known, 0);
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = CurrentVersion(connection, transaction);
        var applied = 0;
        foreach (var migration in TrackingSchema.Migrations)
        {
            if (migration.Version <= version) continue;
            TrackingDatabase.Execute(connection, VersionTableSql, transaction);
            if (version == 1 && !HasVersionRow(connection, transaction, 1))
                RecordVersion(connection, transaction, TrackingSchema.Migrations[0]);
            TrackingDatabase.Execute(connection, migration.Sql, transaction);
            RecordVersion(connection, transaction, migration);
            version = migration.Version;
            applied++;
        }
        transaction.Commit();
        return (version, applied);
    }

    /// <summary>True when the database holds tables of its own (not SQLite's internal ones).</summary>
    public static bool HasOtherTables(SqliteConnection connection) =>
        Convert.ToInt64(TrackingDatabase.Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';") ?? 0L,
            CultureInfo.InvariantCulture) > 0;

    private static bool TableExists(SqliteConnection connection, string name, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static bool HasVersionRow(SqliteConnection connection, SqliteTransaction transaction, int version)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM schema_version WHERE version = $v;";
        command.Parameters.AddWithValue("$v", version);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void RecordVersion(SqliteConnection connection, SqliteTransaction transaction, TrackingMigration migration)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t);";
        command.Parameters.AddWithValue("$v", migration.Version);
        command.Parameters.AddWithValue("$d", migration.Description);
        command.Parameters.AddWithValue("$t", TrackingTime.ToText(DateTimeOffset.UtcNow));
        command.ExecuteNonQuery();
    }
}
