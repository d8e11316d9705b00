using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// The one fenced door for writes: every write transaction of the tracker begins here (BEGIN IMMEDIATE, so it holds
/// the write lock from its first statement), checks the lease's fencing token inside that same transaction, runs the
/// caller's statements and commits. No other code of this type begins a write transaction, so a process that has
/// lost the lease cannot write by any path: its next write stops with an error naming the new owner. Outside this
/// door the connection is query-only (PRAGMA query_only), so a statement that writes anywhere else fails instead.
/// </summary>
public sealed partial class TrackingDatabase
{
    /// <summary>The lease this instance holds (its run id and generation are the fencing token), or null.</summary>
    private TrackerLease? _held;

    /// <summary>The lease this instance holds, or null when it holds none.</summary>
    public TrackerLease? HeldLease => _held;

    private void Write(Action<SqliteTransaction> work) => Write(transaction => { work(transaction); return true; });

    /// <param name="work">The statements, run inside the transaction (commands take it as their transaction).</param>
    /// <param name="leaseBookkeeping">
    /// Only for the lease's own statements (acquire, renew, release): they are themselves the check, each a
    /// compare-and-set on the lease row's run id and generation, so the owner check is not applied before them.
    /// </param>
    private T Write<T>(Func<SqliteTransaction, T> work, bool leaseBookkeeping = false)
    {
        if (IsReadOnly)
            throw new TrackingDatabaseException(Path, TrackingProblem.ReadOnly, $"{Path}: opened read-only; writing needs a writer's open");
        Execute(_connection, "PRAGMA query_only = 0;");
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            if (!leaseBookkeeping) CheckFence(transaction);
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            throw StayedLocked(ex);
        }
        finally { Execute(_connection, "PRAGMA query_only = 1;"); }
    }

    /// <summary>The busy timeout ran out inside the write door: names the run holding the lease when it can be read.</summary>
    private TrackingDatabaseException StayedLocked(SqliteException ex)
    {
        TrackerLease? owner = null;
        try { owner = ReadLease(null); }
        catch (Exception e) when (e is SqliteException or TrackingDatabaseException { Problem: TrackingProblem.Locked }) { /* the reader is locked out too (rollback journal mid-commit): say so without a name */ }
        var holder = owner is null ? "another process" : $"another process (the lease is held by {owner.Describe()})";
        return TrackingFileAccess.Locked(Path, _openOptions.BusyTimeout, holder, ex);
    }

    /// <summary>
    /// Inside the write transaction: a holder's lease row must still carry its run id and generation (else it was
    /// taken over: LeaseLost, naming the new owner); a writer without a lease may write only while no other run
    /// that may be alive holds one.
    /// </summary>
    private void CheckFence(SqliteTransaction transaction)
    {
        var owner = ReadLease(transaction);
        if (_held is { } held)
        {
            if (owner is not null && owner.RunId == held.RunId && owner.Generation == held.Generation) return;
            throw LeaseLost(held, owner);
        }
        if (owner is null || !ProcessIdentity.MayBeAlive(owner)) return;
        throw new TrackerLeaseHeldException(Path, owner);
    }

    private TrackingDatabaseException LeaseLost(TrackerLease held, TrackerLease? owner) =>
        new(Path, TrackingProblem.LeaseLost,
            $"{Path}: run {held.RunId} lost the tracking database's lease (generation {held.Generation}) to " +
            (owner is null ? "nobody (another process released it)" : owner.Describe()) +
            "; this run stopped before writing anything more. Check the new owner's progress with Get-EcodJobStatus");
}
