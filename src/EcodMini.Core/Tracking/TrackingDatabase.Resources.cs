using System.Globalization;
using EcodMini.Core.Costs;

namespace EcodMini.Core.Tracking;

/// <summary>Measured resources per SLURM task (task_resources), filled from sacct after the tasks end.</summary>
public sealed partial class TrackingDatabase
{
    public void RecordTaskResources(IReadOnlyList<TaskResources> tasks)
    {
        if (tasks.Count == 0) return;
        Write(transaction =>
        {
            using var insert = Command("""
                INSERT OR REPLACE INTO task_resources (executor_job_id, run_id, chunk_id, chains, state, max_rss_bytes, elapsed_seconds, total_cpu_seconds, recorded_at)
                VALUES ($j, $r, $c, $n, $s, $m, $e, $cpu, $t);
                """, transaction);
            insert.Set("$t", TrackingTime.ToText(DateTimeOffset.UtcNow));
            foreach (var x in tasks)
            {
                insert.Set("$j", x.ExecutorJobId);
                insert.Set("$r", x.RunId);
                insert.Set("$c", x.ChunkId);
                insert.Set("$n", x.Chains);
                insert.Set("$s", x.State);
                insert.Set("$m", x.MaxRssBytes);
                insert.Set("$e", x.Elapsed?.TotalSeconds);
                insert.Set("$cpu", x.TotalCpu?.TotalSeconds);
                insert.ExecuteNonQuery();
            }
        });
    }

    /// <summary>Stored task figures, of one run or of all.</summary>
    public IReadOnlyList<TaskResources> GetTaskResources(string? runId = null)
    {
        using var command = Command("""
            SELECT executor_job_id, run_id, chunk_id, chains, state, max_rss_bytes, elapsed_seconds, total_cpu_seconds
            FROM task_resources WHERE $r IS NULL OR run_id = $r ORDER BY recorded_at, executor_job_id;
            """);
        command.Set("$r", runId);
        var list = new List<TaskResources>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new TaskResources
            {
                ExecutorJobId = reader.GetString(0), RunId = reader.GetStringOrNull(1), ChunkId = reader.GetStringOrNull(2), Chains = reader.GetInt32(3),
                State = reader.GetStringOrNull(4), MaxRssBytes = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                Elapsed = reader.GetDoubleOrNull(6) is { } e ? TimeSpan.FromSeconds(e) : null,
                TotalCpu = reader.GetDoubleOrNull(7) is { } c ? TimeSpan.FromSeconds(c) : null,
            });
        }
        return list;
    }

    /// <summary>SLURM runs with ended attempts whose executor job has no task_resources row yet.</summary>
    public IReadOnlyList<UnmeasuredRun> GetUnmeasuredRuns()
    {
        using var command = Command("""
            SELECT a.run_id, MIN(a.started_at), a.executor_job_id, a.chunk_id, COUNT(*)
            FROM attempts a
            WHERE a.launcher = 'slurm' AND a.executor_job_id IS NOT NULL AND a.ended_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM task_resources t WHERE t.executor_job_id = a.executor_job_id)
            GROUP BY a.run_id, a.executor_job_id ORDER BY a.run_id;
            """);
        var runs = new Dictionary<string, (DateTimeOffset Start, Dictionary<string, (string?, int)> Tasks)>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var run = reader.GetString(0);
            var start = TrackingTime.Parse(reader.GetValue(1)) ?? DateTimeOffset.UtcNow;
            if (!runs.TryGetValue(run, out var entry)) runs[run] = entry = (start, new Dictionary<string, (string?, int)>(StringComparer.Ordinal));
            if (start < entry.Start) runs[run] = entry = (start, entry.Tasks);
            entry.Tasks[reader.GetString(2)] = (reader.GetStringOrNull(3), Convert.ToInt32(reader.GetInt64(4), CultureInfo.InvariantCulture));
        }
        return runs.Select(r => new UnmeasuredRun(r.Key, r.Value.Start, r.Value.Tasks)).ToList();
    }
}
