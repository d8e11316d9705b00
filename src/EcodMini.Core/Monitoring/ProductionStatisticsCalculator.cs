using System.Globalization;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring;

/// <summary>Computes <see cref="ProductionStatistics"/> with a few aggregate queries (no per-row work in .NET).</summary>
public static class ProductionStatisticsCalculator
{
    public static ProductionStatistics Compute(TrackingDatabase tracker, QualityThresholds? thresholds = null, DateTimeOffset? now = null)
    {
        thresholds ??= QualityThresholds.Default;
        var at = now ?? DateTimeOffset.UtcNow;
        var counts = tracker.CountByStatus();
        int Count(string s) => counts.TryGetValue(s, out var n) ? n : 0;
        var completed = Count(JobStatus.Completed);
        var failed = Count(JobStatus.Failed) + Count(JobStatus.Timeout) + Count(JobStatus.Cancelled);
        var pending = Count(JobStatus.Pending);
        var running = Count(JobStatus.Running);

        using var quality = tracker.Connection.CreateCommand();
        quality.CommandText = """
            SELECT COUNT(r.id), AVG(r.coverage_fraction), AVG(r.domain_count), AVG(r.processing_time_seconds),
                   SUM(CASE WHEN r.coverage_fraction >= $good THEN 1 ELSE 0 END),
                   SUM(CASE WHEN r.coverage_fraction < $good AND r.coverage_fraction >= $questionable THEN 1 ELSE 0 END),
                   SUM(CASE WHEN r.coverage_fraction IS NULL OR r.coverage_fraction < $questionable THEN 1 ELSE 0 END)
            FROM jobs j JOIN results r ON r.id = (SELECT MAX(x.id) FROM results x WHERE x.job_id = j.id)
            WHERE j.status = 'completed';
            """;
        quality.Set("$good", thresholds.Good);
        quality.Set("$questionable", thresholds.Questionable);
        double meanCoverage = 0, meanDomains = 0, meanSeconds = 0;
        int good = 0, questionable = 0, poor = 0;
        using (var reader = quality.ExecuteReader())
        {
            if (reader.Read() && reader.GetInt64(0) > 0)
            {
                meanCoverage = reader.GetDoubleOrNull(1) ?? 0;
                meanDomains = reader.GetDoubleOrNull(2) ?? 0;
                meanSeconds = reader.GetDoubleOrNull(3) ?? 0;
                good = reader.GetInt32OrNull(4) ?? 0;
                questionable = reader.GetInt32OrNull(5) ?? 0;
                poor = reader.GetInt32OrNull(6) ?? 0;
            }
        }

        using var window = tracker.Connection.CreateCommand();
        window.CommandText = """
            SELECT COUNT(*), MIN(COALESCE(start_time, submit_time, end_time)), MAX(end_time),
                   SUM(CASE WHEN end_time >= $since AND end_time <= $now THEN 1 ELSE 0 END)
            FROM jobs WHERE end_time IS NOT NULL AND status IN ('completed', 'failed', 'timeout', 'cancelled');
            """;
        window.Set("$since", TrackingTime.ToText(at.AddHours(-1)));
        window.Set("$now", TrackingTime.ToText(at));
        long finished;
        int lastHour;
        DateTimeOffset? first, last;
        using (var reader = window.ExecuteReader())
        {
            reader.Read();
            finished = reader.GetInt64(0);
            first = TrackingTime.Parse(reader.GetValue(1));
            last = TrackingTime.Parse(reader.GetValue(2));
            lastHour = reader.GetInt32OrNull(3) ?? 0;
        }
        double perSecond = 0;
        if (finished > 0 && first is not null && last is not null)
        {
            var seconds = Math.Max((last.Value - first.Value).TotalSeconds, 1.0);
            perSecond = finished / seconds;
        }
        var remaining = pending + running;
        var pace = lastHour > 0 ? lastHour / 3600.0 : perSecond;
        TimeSpan? eta = remaining == 0 ? TimeSpan.Zero : pace > 0 ? TimeSpan.FromSeconds(remaining / pace) : null;

        return new ProductionStatistics
        {
            CountsByStatus = counts,
            Total = counts.Values.Sum(),
            Pending = pending,
            Running = running,
            Completed = completed,
            Failed = failed,
            SuccessRate = completed + failed == 0 ? 0 : (double)completed / (completed + failed),
            MeanCoverage = meanCoverage,
            MeanDomainCount = meanDomains,
            MeanProcessingSeconds = meanSeconds,
            Quality = new QualityDistribution(good, questionable, poor),
            Thresholds = thresholds,
            ThroughputPerSecond = perSecond,
            ThroughputPerHour = perSecond * 3600,
            FinishedLastHour = lastHour,
            FirstStart = first,
            LastEnd = last,
            EstimatedRemaining = eta,
            EstimatedCompletion = eta is null ? null : at + eta.Value,
            ComputedAt = at,
        };
    }
}
