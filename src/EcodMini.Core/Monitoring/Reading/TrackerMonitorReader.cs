using EcodMini.Core.Monitoring.Dashboard;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring.Reading;

/// <summary>
/// The monitoring side's reads of the tracker: aggregate queries only, each one statement, never a write (the
/// tracker may be opened read-only by a user who cannot write it). Kept in one place so that it can follow the
/// tracker's own query API. Not thread-safe (one tracker connection).
/// </summary>
internal sealed class TrackerMonitorReader
{
    private const string CurrentResult = "r.id = (SELECT MAX(x.id) FROM results x WHERE x.job_id = j.id)";

    private readonly TrackingDatabase tracker;

    /// <summary>
    /// A watcher reads the same pages every few seconds: the connection keeps up to 64 MB of them and maps the file
    /// (reads without copying). Both are settings of this connection only; neither writes anything.
    /// </summary>
    public TrackerMonitorReader(TrackingDatabase tracker)
    {
        this.tracker = tracker;
        using var tune = tracker.Command("PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;");
        tune.ExecuteNonQuery();
    }

    /// <summary>
    /// Opens a read transaction: every query until the returned scope is disposed sees the database as it was at
    /// the first read (one consistent snapshot while a run keeps writing). Reads only; takes no write lock.
    /// </summary>
    public IDisposable ReadSnapshot()
    {
        using (var begin = tracker.Command("BEGIN DEFERRED;")) begin.ExecuteNonQuery();
        return new SnapshotScope(tracker);
    }

    private sealed class SnapshotScope(TrackingDatabase tracker) : IDisposable
    {
        public void Dispose()
        {
            using var end = tracker.Command("COMMIT;");
            end.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<BatchProgress> Batches()
    {
        var batches = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        // One sequential pass over the table beats the batch index plus a row lookup per job.
        using var command = tracker.Command("SELECT batch_name, status, COUNT(*) FROM jobs NOT INDEXED GROUP BY batch_name, status;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!batches.TryGetValue(reader.GetString(0), out var counts)) batches[reader.GetString(0)] = counts = new int[4];
            var status = reader.GetString(1);
            var slot = status switch
            {
                JobStatus.Completed => 0,
                JobStatus.Running => 2,
                JobStatus.Pending => 3,
                _ when MonitorStatuses.IsFailure(status) => 1,
                _ => -1,
            };
            if (slot >= 0) counts[slot] += reader.GetInt32(2);
        }
        return batches.Select(b => new BatchProgress(b.Key, b.Value[0], b.Value[1], b.Value[2], b.Value[3])).ToList();
    }

    /// <summary>
    /// The latest finished jobs, newest first: completions, or failures with their error text. The unary + keeps
    /// SQLite off the status index, so it walks the end-time index from the newest end and stops after n rows.
    /// </summary>
    public IReadOnlyList<RecentJob> Recent(bool failures, int count)
    {
        var statuses = failures ? MonitorStatuses.Failures : [JobStatus.Completed];
        using var command = tracker.Command($"""
            SELECT j.protein_id, j.batch_name, j.status, j.end_time, r.domain_count, r.coverage_fraction, j.error_message
            FROM jobs j LEFT JOIN results r ON {CurrentResult}
            WHERE j.end_time IS NOT NULL AND +j.status IN ({string.Join(", ", statuses.Select((_, i) => "$s" + i))})
            ORDER BY j.end_time DESC, j.id DESC LIMIT $n;
            """);
        for (var i = 0; i < statuses.Count; i++) command.Set("$s" + i, statuses[i]);
        command.Set("$n", count);
        var jobs = new List<RecentJob>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            jobs.Add(new RecentJob(reader.GetString(0), reader.GetString(1), reader.GetString(2), TrackingTime.Parse(reader.GetValue(3)))
            {
                DomainCount = failures ? null : reader.GetInt32OrNull(4),
                Coverage = failures ? null : reader.GetDoubleOrNull(5),
                Reason = failures ? reader.GetStringOrNull(6) : null,
            });
        }
        return jobs;
    }

    /// <summary>Jobs per resource ending (timeout, out of memory); endings with no job are left out.</summary>
    public IReadOnlyDictionary<string, int> ResourceEndings()
    {
        var endings = MonitorStatuses.ResourceEndings;
        using var command = tracker.Command($"SELECT status, COUNT(*) FROM jobs WHERE status IN ({string.Join(", ", endings.Select((_, i) => "$e" + i))}) GROUP BY status;");
        for (var i = 0; i < endings.Count; i++) command.Set("$e" + i, endings[i]);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    public IReadOnlyList<CompletedRow> CompletedResults()
    {
        using var command = tracker.Command($"""
            SELECT j.batch_name, r.coverage_fraction, r.domain_count, r.processing_time_seconds
            FROM jobs j LEFT JOIN results r ON {CurrentResult} WHERE j.status = 'completed';
            """);
        var rows = new List<CompletedRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(new CompletedRow(reader.GetString(0), reader.GetDoubleOrNull(1), reader.GetInt32OrNull(2), reader.GetDoubleOrNull(3)));
        return rows;
    }

    public IReadOnlyList<FailedRow> Failures()
    {
        var statuses = MonitorStatuses.Failures;
        using var command = tracker.Command($"""
            SELECT protein_id, batch_name, status, error_message, COALESCE(retry_count, 0) FROM jobs
            WHERE status IN ({string.Join(", ", statuses.Select((_, i) => "$s" + i))}) ORDER BY batch_name, protein_id;
            """);
        for (var i = 0; i < statuses.Count; i++) command.Set("$s" + i, statuses[i]);
        var rows = new List<FailedRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(new FailedRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3), reader.GetInt32(4)));
        return rows;
    }

    public IReadOnlyList<FinishedRow> FinishTimes()
    {
        using var command = tracker.Command("SELECT end_time, status FROM jobs WHERE end_time IS NOT NULL ORDER BY end_time;");
        var rows = new List<FinishedRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var status = reader.GetString(1);
            if (TrackingTime.Parse(reader.GetValue(0)) is { } end && (status == JobStatus.Completed || MonitorStatuses.IsFailure(status)))
                rows.Add(new FinishedRow(end, status == JobStatus.Completed));
        }
        return rows;
    }

    public IReadOnlyList<RetryRow> Retries()
    {
        using var command = tracker.Command("SELECT COALESCE(retry_count, 0), status, COUNT(*) FROM jobs GROUP BY 1, 2 ORDER BY 1, 2;");
        var rows = new List<RetryRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) rows.Add(new RetryRow(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2)));
        return rows;
    }
}
