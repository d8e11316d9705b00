using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// One owner per database: a run takes the single-row lease before it writes jobs, renews its heartbeat while it
/// runs and releases it last. Readers never need it.
/// </summary>
public sealed partial class TrackingDatabase
{
    /// <summary>
    /// Takes the lease for a run, in one immediate transaction. A free lease, this run's own, or a stale one (heartbeat
    /// older than <see cref="LeaseOptions.StaleAfter"/> and, on this host, its process gone; or, on this host, a
    /// process that is gone whatever the heartbeat) is taken; the previous stale owner is returned so the caller
    /// reconciles its work. A live owner makes it throw <see cref="TrackerLeaseHeldException"/>, or, with
    /// <see cref="LeaseOptions.Wait"/>, look again every poll interval until free, the wait times out (then it throws)
    /// or the token is cancelled (OperationCanceledException). <paramref name="onWait"/> hears each refusal while waiting.
    /// </summary>
    public TrackerLease? AcquireLease(TrackerLease claim, LeaseOptions options, CancellationToken cancellationToken = default,
        Action<TrackerLease>? onWait = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = TryAcquireLease(claim, options.StaleAfter, DateTimeOffset.UtcNow);
            if (outcome.Acquired) return outcome.Previous;
            var owner = outcome.Previous!;
            if (!options.Wait || (options.WaitTimeout is { } limit && waited.Elapsed >= limit))
                throw new TrackerLeaseHeldException(Path, owner);
            onWait?.Invoke(owner);
            cancellationToken.WaitHandle.WaitOne(options.PollInterval);
        }
    }

    /// <summary>Renews this run's heartbeat; throws (LeaseLost) when another run has taken the lease meanwhile.</summary>
    public void RenewLease(string runId, DateTimeOffset? now = null)
    {
        using var command = Command("UPDATE tracker_lease SET heartbeat_at = $t WHERE id = 1 AND run_id = $r;");
        command.Set("$t", TrackingTime.ToText(now ?? DateTimeOffset.UtcNow));
        command.Set("$r", runId);
        if (command.ExecuteNonQuery() == 0)
        {
            var owner = GetLease();
            throw new TrackingDatabaseException(Path, TrackingProblem.LeaseLost,
                $"{Path}: run {runId} lost the tracking database's lease to {owner?.Describe() ?? "nobody"} (its heartbeat was judged stale)");
        }
    }

    /// <summary>Gives the lease up (only when this run holds it); never throws for a lease already gone.</summary>
    public void ReleaseLease(string runId)
    {
        using var command = Command("DELETE FROM tracker_lease WHERE id = 1 AND run_id = $r;");
        command.Set("$r", runId);
        command.ExecuteNonQuery();
    }

    /// <summary>The current owner, or null when no run holds the lease.</summary>
    public TrackerLease? GetLease() => ReadLease(null);

    private (bool Acquired, TrackerLease? Previous) TryAcquireLease(TrackerLease claim, TimeSpan staleAfter, DateTimeOffset now)
    {
        using var transaction = _connection.BeginTransaction();
        var owner = ReadLease(transaction);
        var take = owner is null || owner.RunId == claim.RunId
            || !ProcessIdentity.MayBeAlive(owner)
            || (now - owner.HeartbeatAt > staleAfter && !SameHostAlive(owner));
        if (!take) return (false, owner);
        using var write = Command("""
            INSERT OR REPLACE INTO tracker_lease (id, run_id, host, pid, process_start, acquired_at, heartbeat_at, work_dir)
            VALUES (1, $r, $h, $pid, $start, $t, $t, $work);
            """, transaction);
        write.Set("$r", claim.RunId);
        write.Set("$h", claim.Host);
        write.Set("$pid", claim.ProcessId);
        write.Set("$start", claim.ProcessStart);
        write.Set("$t", TrackingTime.ToText(now));
        write.Set("$work", claim.WorkDirectory);
        write.ExecuteNonQuery();
        transaction.Commit();
        return (true, owner is null || owner.RunId == claim.RunId ? null : owner);
    }

    /// <summary>An owner on this host whose process still runs is never taken over, however old its heartbeat.</summary>
    private static bool SameHostAlive(TrackerLease owner) =>
        string.Equals(owner.Host, ProcessIdentity.Host, StringComparison.OrdinalIgnoreCase) && ProcessIdentity.MayBeAlive(owner);

    private TrackerLease? ReadLease(SqliteTransaction? transaction)
    {
        using var command = Command("SELECT run_id, host, pid, process_start, acquired_at, heartbeat_at, work_dir FROM tracker_lease WHERE id = 1;", transaction);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new TrackerLease
        {
            RunId = reader.GetString(0), Host = reader.GetString(1), ProcessId = reader.GetInt32(2),
            ProcessStart = reader.GetStringOrNull(3), AcquiredAt = TrackingTime.Parse(reader.GetValue(4)) ?? default,
            HeartbeatAt = TrackingTime.Parse(reader.GetValue(5)) ?? default, WorkDirectory = reader.GetStringOrNull(6),
        };
    }
}
