using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// One owner per database: a run takes the single-row lease (a new generation: its fencing token) before it writes
/// jobs; a background timer advances its heartbeat counter while it holds it; it releases it last. Readers never need it.
/// </summary>
public sealed partial class TrackingDatabase
{
    private LeaseHeartbeat? _heartbeat;
    private TrackingOpenOptions _openOptions = new();

    /// <summary>
    /// Takes the lease for a run, in one write transaction: a free lease, this run's own, or one whose owner is judged
    /// gone (<see cref="LeaseJudge"/>) is taken with a new generation, and a background heartbeat starts; the previous
    /// owner is returned so the caller reconciles its work. A live owner makes it throw <see cref="TrackerLeaseHeldException"/>,
    /// or, with <see cref="LeaseOptions.Wait"/>, look again every poll interval until free or gone, the wait times out
    /// (then it throws) or the token is cancelled (OperationCanceledException). <paramref name="onWait"/> hears each refusal.
    /// </summary>
    public TrackerLease? AcquireLease(TrackerLease claim, LeaseOptions options, CancellationToken cancellationToken = default,
        Action<TrackerLease>? onWait = null)
    {
        options.Validated();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (taken, previous) = Write(transaction => TryAcquireLease(transaction, claim, options.StaleAfter), leaseBookkeeping: true);
            if (taken is not null)
            {
                _heartbeat?.Dispose();
                _held = taken;
                _heartbeat = LeaseHeartbeat.Start(Path, _openOptions, taken, options.HeartbeatInterval);
                return previous;
            }
            var owner = previous!;
            if (!options.Wait || (options.WaitTimeout is { } limit && waited.Elapsed >= limit))
                throw new TrackerLeaseHeldException(Path, owner);
            onWait?.Invoke(owner);
            cancellationToken.WaitHandle.WaitOne(options.PollInterval);
        }
    }

    /// <summary>
    /// Advances the heartbeat of <paramref name="runId"/>'s lease (the counter, the owner's monotonic clock, the wall
    /// time for display); throws (LeaseLost) when another run has taken the lease meanwhile. The background timer
    /// calls this; <paramref name="now"/> only sets the displayed time.
    /// </summary>
    public void RenewLease(string runId, DateTimeOffset? now = null)
    {
        var generation = _held?.RunId == runId ? _held.Generation : (long?)null;
        var renewed = Write(transaction =>
        {
            using var command = Command("""
                UPDATE tracker_lease SET heartbeat_at = $t, heartbeat_count = heartbeat_count + 1, heartbeat_mono_ms = $m
                WHERE id = 1 AND run_id = $r AND ($g IS NULL OR generation = $g);
                """, transaction);
            command.Set("$t", TrackingTime.ToText(now ?? DateTimeOffset.UtcNow));
            command.Set("$m", ProcessIdentity.MonotonicMs);
            command.Set("$r", runId);
            command.Set("$g", generation);
            return command.ExecuteNonQuery();
        }, leaseBookkeeping: true);
        if (renewed == 0)
            throw LeaseLost(_held?.RunId == runId ? _held : new TrackerLease { RunId = runId, Host = "?" }, GetLease());
    }

    /// <summary>Stops the heartbeat and gives the lease up (only this holding's generation); never throws for a lease already gone.</summary>
    public void ReleaseLease(string runId)
    {
        StopHeartbeat();
        var generation = _held?.RunId == runId ? _held.Generation : (long?)null;
        Write(transaction =>
        {
            using var command = Command("DELETE FROM tracker_lease WHERE id = 1 AND run_id = $r AND ($g IS NULL OR generation = $g);", transaction);
            command.Set("$r", runId);
            command.Set("$g", generation);
            return command.ExecuteNonQuery();
        }, leaseBookkeeping: true);
        if (_held?.RunId == runId) _held = null;
    }

    /// <summary>The current owner, or null when no run holds the lease.</summary>
    public TrackerLease? GetLease() => ReadLease(null);

    /// <summary>Lets this instance write under a lease another instance of this process holds (the heartbeat's own connection).</summary>
    internal void Adopt(TrackerLease lease) => _held = lease;

    private void StopHeartbeat()
    {
        _heartbeat?.Dispose();
        _heartbeat = null;
    }

    private (TrackerLease? Taken, TrackerLease? Previous) TryAcquireLease(SqliteTransaction transaction, TrackerLease claim, TimeSpan timeout)
    {
        var owner = ReadLease(transaction);
        var verdict = owner is null || owner.RunId == claim.RunId
            ? LeaseVerdict.Free
            : new LeaseJudge(this, transaction, timeout).Judge(owner);
        if (!verdict.MayTake) return (null, owner);
        using var next = Command("UPDATE tracker_lease_generation SET generation = generation + 1 WHERE id = 1 RETURNING generation;", transaction);
        var generation = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        using var write = Command("""
            INSERT OR REPLACE INTO tracker_lease (id, run_id, host, pid, process_start, acquired_at, heartbeat_at, work_dir,
                generation, heartbeat_count, heartbeat_mono_ms, boot_id, pid_namespace)
            VALUES (1, $r, $h, $pid, $start, $t, $t, $work, $g, 0, $m, $boot, $ns);
            """, transaction);
        write.Set("$r", claim.RunId);
        write.Set("$h", claim.Host);
        write.Set("$pid", claim.ProcessId);
        write.Set("$start", claim.ProcessStart);
        write.Set("$t", TrackingTime.ToText(now));
        write.Set("$work", claim.WorkDirectory);
        write.Set("$g", generation);
        write.Set("$m", ProcessIdentity.MonotonicMs);
        write.Set("$boot", claim.BootId);
        write.Set("$ns", claim.PidNamespace);
        write.ExecuteNonQuery();
        using (var clear = Command("DELETE FROM tracker_lease_watch;", transaction)) clear.ExecuteNonQuery();
        var taken = claim with { Generation = generation, AcquiredAt = now, HeartbeatAt = now, HeartbeatCount = 0, HeartbeatMonotonicMs = ProcessIdentity.MonotonicMs };
        return (taken, owner is null || owner.RunId == claim.RunId ? null : owner);
    }

    private TrackerLease? ReadLease(SqliteTransaction? transaction)
    {
        using var command = Command("""
            SELECT run_id, host, pid, process_start, acquired_at, heartbeat_at, work_dir, generation, heartbeat_count,
                   heartbeat_mono_ms, boot_id, pid_namespace
            FROM tracker_lease WHERE id = 1;
            """, transaction);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new TrackerLease
        {
            RunId = reader.GetString(0), Host = reader.GetString(1), ProcessId = reader.GetInt32(2),
            ProcessStart = reader.GetStringOrNull(3), AcquiredAt = TrackingTime.Parse(reader.GetValue(4)) ?? default,
            HeartbeatAt = TrackingTime.Parse(reader.GetValue(5)) ?? default, WorkDirectory = reader.GetStringOrNull(6),
            Generation = reader.GetInt64(7), HeartbeatCount = reader.GetInt64(8),
            HeartbeatMonotonicMs = reader.IsDBNull(9) ? null : reader.GetInt64(9), BootId = reader.GetStringOrNull(10),
            PidNamespace = reader.GetStringOrNull(11),
        };
    }
}
