using EcodMini.Core.Monitoring.Reading;

namespace EcodMini.Core.Tracking;

/// <summary>
/// Monitoring reads: page caching for repeated snapshots, and the per-job rows a production report needs (current results of completed jobs, failures with their error, finish
/// times, retry counts), read in one read transaction; works on a read-only open and never writes.
/// </summary>
public sealed partial class TrackingDatabase
{
    /// <summary>
    /// For a watcher that reads the same pages every few seconds: this connection keeps up to 64 MB of them and maps
    /// the file (reads without copying through the kernel). Settings of this connection only; nothing is written.
    /// </summary>
    internal void KeepPagesForRepeatedReads()
    {
        _keepPages = true;
        Execute(_connection, KeepPagesSql);
    }

    internal ReportRows ReadReportRows()
    {
        using var transaction = BeginRead();
        var completed = new List<CompletedRow>();
        using (var command = Command("""
            SELECT j.batch_name, r.coverage_fraction, r.domain_count, r.processing_time_seconds
            FROM jobs j LEFT JOIN results r ON r.id = j.current_result_id WHERE j.status = 'completed';
            """, transaction))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                completed.Add(new CompletedRow(reader.GetString(0), reader.GetDoubleOrNull(1), reader.GetInt32OrNull(2), reader.GetDoubleOrNull(3)));
        }

        var failures = new List<FailedRow>();
        var statuses = MonitorStatuses.Failures;
        using (var command = Command($"""
            SELECT protein_id, batch_name, status, error_message, COALESCE(retry_count, 0) FROM jobs
            WHERE status IN ({string.Join(", ", statuses.Select((_, i) => "$s" + i))}) ORDER BY batch_name, protein_id;
            """, transaction))
        {
            for (var i = 0; i < statuses.Count; i++) command.Set("$s" + i, statuses[i]);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                failures.Add(new FailedRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3), reader.GetInt32(4)));
        }

        var finishes = new List<FinishedRow>();
        using (var command = Command("SELECT end_time, status FROM jobs WHERE end_time IS NOT NULL ORDER BY end_time;", transaction))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var status = reader.GetString(1);
                if (TrackingTime.Parse(reader.GetValue(0)) is { } end && (status == JobStatus.Completed || MonitorStatuses.IsFailure(status)))
                    finishes.Add(new FinishedRow(end, status == JobStatus.Completed));
            }
        }

        var retries = new List<RetryRow>();
        using (var command = Command("SELECT COALESCE(retry_count, 0), status, COUNT(*) FROM jobs GROUP BY 1, 2 ORDER BY 1, 2;", transaction))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) retries.Add(new RetryRow(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2)));
        }
        transaction.Commit();
        return new ReportRows(completed, failures, finishes, retries);
    }
}
