using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// Judges, inside an acquiring write transaction, whether another run's lease may be taken over. No decision compares
/// two machines' clocks: an owner on this machine (same host, boot and pid namespace) is gone when its process has
/// ended, or when its heartbeat is older than the timeout on the monotonic clock that machine shares; an owner on the
/// same host after a reboot is gone; an owner elsewhere is gone only when its heartbeat counter has not advanced for
/// the timeout as measured by this machine's own monotonic clock, from the first time this machine saw that count
/// (kept per observing machine in tracker_lease_watch).
/// </summary>
internal sealed class LeaseJudge(TrackingDatabase database, SqliteTransaction transaction, TimeSpan timeout)
{
    public LeaseVerdict Judge(TrackerLease owner)
    {
        if (ProcessIdentity.IsSameMachine(owner))
        {
            if (!ProcessIdentity.MayBeAlive(owner))
                return LeaseVerdict.Gone($"its process {owner.ProcessId} on this machine has ended");
            var silent = owner.HeartbeatMonotonicMs is { } beat ? ProcessIdentity.MonotonicMs - beat : 0;
            return silent > timeout.TotalMilliseconds
                ? LeaseVerdict.Gone($"its heartbeat has not advanced for {Seconds(silent)} on this machine's monotonic clock (lease timeout {Seconds(timeout.TotalMilliseconds)})")
                : LeaseVerdict.Alive($"its process {owner.ProcessId} runs on this machine and beat {Seconds(silent)} ago");
        }
        if (string.Equals(owner.Host, ProcessIdentity.Host, StringComparison.OrdinalIgnoreCase)
            && owner.BootId is not null && ProcessIdentity.BootId is not null && owner.BootId != ProcessIdentity.BootId)
            return LeaseVerdict.Gone($"its host {owner.Host} has restarted since it took the lease (boot id changed)");
        return Watch(owner);
    }

    private LeaseVerdict Watch(TrackerLease owner)
    {
        var now = ProcessIdentity.MonotonicMs;
        using (var read = database.Command(
            "SELECT seen_mono_ms FROM tracker_lease_watch WHERE observer = $o AND run_id = $r AND generation = $g AND heartbeat_count = $c;", transaction))
        {
            Bind(read, owner);
            if (read.ExecuteScalar() is { } seen and not DBNull)
            {
                var still = now - Convert.ToInt64(seen, CultureInfo.InvariantCulture);
                return still >= timeout.TotalMilliseconds
                    ? LeaseVerdict.Gone($"its heartbeat counter has stood at {owner.HeartbeatCount} for {Seconds(still)} as watched from {ProcessIdentity.Host}")
                    : LeaseVerdict.Alive($"its heartbeat counter has stood at {owner.HeartbeatCount} for {Seconds(still)} as watched from here; it is judged gone after {Seconds(timeout.TotalMilliseconds)}");
            }
        }
        using var write = database.Command("""
            INSERT OR REPLACE INTO tracker_lease_watch (observer, run_id, generation, heartbeat_count, seen_mono_ms)
            VALUES ($o, $r, $g, $c, $m);
            """, transaction);
        Bind(write, owner);
        write.Set("$m", now);
        write.ExecuteNonQuery();
        return LeaseVerdict.Alive($"it runs on another machine ({owner.Host}) and its heartbeat counter ({owner.HeartbeatCount}) is new to this one");
    }

    private static void Bind(SqliteCommand command, TrackerLease owner)
    {
        command.Set("$o", ProcessIdentity.ObserverKey);
        command.Set("$r", owner.RunId);
        command.Set("$g", owner.Generation);
        command.Set("$c", owner.HeartbeatCount);
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
