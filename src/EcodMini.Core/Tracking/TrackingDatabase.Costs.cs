using System.Globalization;
using EcodMini.Core.Costs;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>Cost history: per-chain timings (the estimate's model), each run's recorded estimate, and estimate against actual.</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>Sequence length and processing seconds of the latest <paramref name="limit"/> completed results.</summary>
    public IReadOnlyList<(int Length, double Seconds)> GetChainTimings(int limit = 50_000)
    {
        using var command = Command("""
            SELECT total_residues, processing_time_seconds FROM results
            WHERE status = 'completed' AND total_residues > 0 AND processing_time_seconds IS NOT NULL ORDER BY id DESC LIMIT $n;
            """);
        command.Set("$n", limit);
        var list = new List<(int, double)>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add((reader.GetInt32(0), reader.GetDouble(1)));
        return list;
    }

    public void RecordRunEstimate(string runId, string executor, RunEstimate e) => Write(transaction =>
    {
        using var insert = Command("""
            INSERT OR REPLACE INTO run_estimates (run_id, executor, chains, tasks, concurrency, cpus_per_task, core_hours, wall_hours, longest_task_hours, model, created_at)
            VALUES ($r, $x, $c, $t, $k, $cpu, $ch, $w, $l, $m, $at);
            """, transaction);
        insert.Set("$r", runId);
        insert.Set("$x", executor);
        insert.Set("$c", e.Chains);
        insert.Set("$t", e.Tasks);
        insert.Set("$k", e.Concurrency);
        insert.Set("$cpu", e.CpusPerTask);
        insert.Set("$ch", e.CoreHours);
        insert.Set("$w", e.WallTime.TotalHours);
        insert.Set("$l", e.LongestTask.TotalHours);
        insert.Set("$m", e.Model);
        insert.Set("$at", TrackingTime.ToText(DateTimeOffset.UtcNow));
        insert.ExecuteNonQuery();
    });

    /// <summary>Every run with a recorded estimate, newest first, with what its attempts and SLURM tasks used.</summary>
    public IReadOnlyList<RunCost> GetRunCosts()
    {
        using var command = Command("""
            SELECT e.run_id, e.chains, e.tasks, e.concurrency, e.cpus_per_task, e.core_hours, e.wall_hours, e.longest_task_hours, e.model, e.created_at,
                (SELECT COUNT(*) FROM attempts a WHERE a.run_id = e.run_id AND a.ended_at IS NOT NULL),
                (SELECT MIN(a.started_at) FROM attempts a WHERE a.run_id = e.run_id),
                (SELECT MAX(a.ended_at) FROM attempts a WHERE a.run_id = e.run_id),
                (SELECT SUM(t.elapsed_seconds) FROM task_resources t WHERE t.run_id = e.run_id),
                (SELECT SUM(r.processing_time_seconds) FROM results r JOIN attempts a ON a.id = r.attempt_id WHERE a.run_id = e.run_id)
            FROM run_estimates e ORDER BY e.created_at DESC;
            """);
        var list = new List<RunCost>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(ReadRunCost(reader));
        return list;
    }

    private static RunCost ReadRunCost(SqliteDataReader r)
    {
        var cpus = r.GetInt32(4);
        var started = TrackingTime.Parse(r.GetValue(11));
        var ended = TrackingTime.Parse(r.GetValue(12));
        double? sacct = r.IsDBNull(13) ? null : r.GetDouble(13);
        double? chains = r.IsDBNull(14) ? null : r.GetDouble(14);
        return new RunCost
        {
            RunId = r.GetString(0),
            Estimate = new RunEstimate
            {
                Chains = r.GetInt32(1), Tasks = r.GetInt32(2), Concurrency = r.GetInt32(3), CpusPerTask = cpus, CoreHours = r.GetDouble(5),
                WallTime = TimeSpan.FromHours(r.GetDouble(6)), LongestTask = TimeSpan.FromHours(r.GetDouble(7)), Model = r.GetString(8),
            },
            EstimatedAt = TrackingTime.Parse(r.GetValue(9)) ?? default,
            ChainsFinished = r.GetInt32(10),
            ActualWallTime = started is { } s && ended is { } e && e >= s ? e - s : null,
            ActualCoreHours = (sacct ?? chains) is { } seconds ? seconds * cpus / 3600.0 : null,
            ActualSource = sacct is not null ? "sacct" : chains is not null ? "chain timings" : null,
        };
    }
}
