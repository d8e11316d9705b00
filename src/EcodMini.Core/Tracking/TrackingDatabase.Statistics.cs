using System.Globalization;
using EcodMini.Core.Monitoring;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// Production statistics over this tracker: one consistent snapshot, read in one read transaction (works on a
/// read-only open; never writes).
/// </summary>
public sealed partial class TrackingDatabase
{
    private const string FinishedStatuses = "('completed', 'failed', 'timeout', 'cancelled')";

    public ProductionStatistics GetStatistics(QualityThresholds? thresholds = null, DateTimeOffset? now = null) =>
        GetStatistics(new StatisticsOptions { Thresholds = thresholds ?? QualityThresholds.Default, Now = now });

    public ProductionStatistics GetStatistics(StatisticsOptions options)
    {
        var at = options.Now ?? DateTimeOffset.UtcNow;
        using var transaction = BeginRead();
        var counts = new List<(string, string, int)>();
        using (var command = Command("SELECT batch_name, status, COUNT(*) FROM jobs GROUP BY batch_name, status ORDER BY batch_name;", transaction))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) counts.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));

        var quality = ReadQuality(transaction, options.Thresholds);
        int finished;
        DateTimeOffset? first, last;
        using (var command = Command($"SELECT COUNT(*), MIN(COALESCE(start_time, submit_time, end_time)), MAX(end_time) FROM jobs WHERE end_time IS NOT NULL AND status IN {FinishedStatuses};", transaction))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            (finished, first, last) = (reader.GetInt32(0), TrackingTime.Parse(reader.GetValue(1)), TrackingTime.Parse(reader.GetValue(2)));
        }

        string? runId = null;
        DateTimeOffset? runStart = null;
        using (var command = Command("""
            SELECT run_id, (SELECT MIN(started_at) FROM attempts x WHERE x.run_id = a.run_id) FROM attempts a ORDER BY id DESC LIMIT 1;
            """, transaction))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read()) (runId, runStart) = (reader.GetString(0), TrackingTime.Parse(reader.GetValue(1)));
        }
        var started = runStart ?? first;
        var window = started is null ? TimeSpan.Zero
            : TimeSpan.FromTicks(Math.Clamp((at - started.Value).Ticks, 0, options.ThroughputWindow.Ticks));
        int inWindow;
        using (var command = Command($"SELECT COUNT(*) FROM jobs WHERE end_time >= $since AND end_time <= $now AND status IN {FinishedStatuses};", transaction))
        {
            command.Set("$since", TrackingTime.ToText(at - window));
            command.Set("$now", TrackingTime.ToText(at));
            inWindow = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var reading = new StatisticsReading
        {
            StatusCounts = counts, Quality = quality, FinishedTotal = finished, FirstStart = first, LastEnd = last,
            PermanentFailures = CountPermanentFailures(transaction),
            RunId = runId, RunStartedAt = runStart, Window = window, FinishedInWindow = inWindow,
            ActiveRun = ReadLease(transaction),
            RecentCompletions = Recent(transaction, "('completed')", options.RecentCount),
            RecentFailures = Recent(transaction, "('failed', 'timeout', 'cancelled')", options.RecentCount),
            Now = at,
        };
        transaction.Commit();
        return ProductionStatisticsCalculator.Build(reading, options.Thresholds);
    }

    private List<BatchQualityRow> ReadQuality(SqliteTransaction transaction, QualityThresholds thresholds)
    {
        using var command = Command("""
            SELECT j.batch_name, COUNT(r.id), TOTAL(r.coverage_fraction), TOTAL(r.domain_count), TOTAL(r.processing_time_seconds),
                   SUM(CASE WHEN r.coverage_fraction >= $good AND (r.avg_confidence IS NULL OR r.avg_confidence >= $confidence) THEN 1 ELSE 0 END),
                   SUM(CASE WHEN r.coverage_fraction >= $questionable
                             AND (r.coverage_fraction < $good OR r.avg_confidence < $confidence) THEN 1 ELSE 0 END),
                   SUM(CASE WHEN r.coverage_fraction IS NULL OR r.coverage_fraction < $questionable THEN 1 ELSE 0 END)
            FROM jobs j JOIN results r ON r.id = j.current_result_id
            WHERE j.status = 'completed' GROUP BY j.batch_name ORDER BY j.batch_name;
            """, transaction);
        command.Set("$good", thresholds.Good);
        command.Set("$questionable", thresholds.Questionable);
        command.Set("$confidence", thresholds.MinConfidence);
        var rows = new List<BatchQualityRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new BatchQualityRow(reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetInt32OrNull(5) ?? 0, reader.GetInt32OrNull(6) ?? 0, reader.GetInt32OrNull(7) ?? 0));
        }
        return rows;
    }

    private List<JobRecord> Recent(SqliteTransaction transaction, string statuses, int count)
    {
        if (count <= 0) return [];
        using var command = Command($"{JobSelect} WHERE j.status IN {statuses} AND j.end_time IS NOT NULL ORDER BY j.end_time DESC LIMIT $n;", transaction);
        command.Set("$n", count);
        return ReadJobs(command);
    }
}
