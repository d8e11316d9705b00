using System.Data;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// A query outside the write door. On a rollback journal (the mode chosen on NFS) a writer committing, or one frozen
/// mid-commit, locks readers out too; past the busy timeout this says so by name (<see cref="TrackingFileAccess.Locked"/>)
/// instead of SQLite's bare "database is locked", so every reader cmdlet gets the same message a writer gets.
/// </summary>
internal sealed class TrackingReadCommand(string databasePath, TimeSpan busyTimeout, SqliteConnection connection, string sql)
    : SqliteCommand(sql, connection)
{
    public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
    {
        try { return base.ExecuteReader(behavior); }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6) { throw LockedOut(ex); }
    }

    public override object? ExecuteScalar()
    {
        try { return base.ExecuteScalar(); }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6) { throw LockedOut(ex); }
    }

    public override int ExecuteNonQuery()
    {
        try { return base.ExecuteNonQuery(); }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6) { throw LockedOut(ex); }
    }

    private TrackingDatabaseException LockedOut(SqliteException ex) =>
        TrackingFileAccess.Locked(databasePath, busyTimeout, "another process", ex);
}
