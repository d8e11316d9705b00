using System.Data;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// A query outside the write door. On a rollback journal (the mode chosen on NFS) a writer committing, or one frozen
/// mid-commit, locks readers out too; past the busy timeout this says so by name (<see cref="TrackingFileAccess.Locked"/>)
/// instead of SQLite's bare "database is locked", so every reader cmdlet gets the same message a writer gets.
/// Microsoft.Data.Sqlite runs every statement (scalar and non-query too) through this overload, so it is the one door.
/// </summary>
internal sealed class TrackingReadCommand(string databasePath, TimeSpan busyTimeout, SqliteConnection connection, string sql)
    : SqliteCommand(sql, connection)
{
    public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
    {
        try { return base.ExecuteReader(behavior); }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            throw TrackingFileAccess.Locked(databasePath, busyTimeout, "another process", ex);
        }
    }
}
