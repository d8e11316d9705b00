using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring;

/// <summary>
/// Turns the figures the tracker read for one snapshot into <see cref="ProductionStatistics"/> (pure arithmetic, no
/// database access). Get a snapshot with <see cref="TrackingDatabase.GetStatistics(StatisticsOptions)"/>.
/// </summary>
public static class ProductionStatisticsCalculator
{
    internal static ProductionStatistics Build(StatisticsReading r, QualityThresholds thresholds)
    {
        var counts = JobStatus.All.ToDictionary(s => s, _ => 0);
        foreach (var (_, status, n) in r.StatusCounts) counts[status] = counts.GetValueOrDefault(status) + n;
        var totals = Tally(counts.Select(kv => (kv.Key, kv.Value)));
        var q = r.Quality;
        var good = q.Sum(x => x.Good);
        var questionable = q.Sum(x => x.Questionable);
        var poor = q.Sum(x => x.Poor);
        var graded = q.Sum(x => x.Count);

        var pace = r.Window > TimeSpan.Zero ? r.FinishedInWindow / r.Window.TotalSeconds : 0;
        var remaining = totals.Pending + totals.Running;
        TimeSpan? eta = remaining == 0 ? TimeSpan.Zero : pace > 0 ? TimeSpan.FromSeconds(remaining / pace) : null;
        var overall = OverallPerHour(totals.Completed, r.FirstStart, r.LastCompletion);
        var finishedRun = totals.Total > 0 && remaining == 0;
        var current = finishedRun ? overall : pace * 3600;

        return new ProductionStatistics
        {
            CountsByStatus = counts,
            Total = totals.Total, Pending = totals.Pending, Running = totals.Running, Completed = totals.Completed, Failed = totals.Failed,
            Cancelled = totals.Cancelled,
            SuccessRate = Rate(totals.Completed, totals.Failed),
            FailedPermanent = r.PermanentFailures, FailedTransient = totals.Failed - r.PermanentFailures,
            MeanCoverage = graded == 0 ? 0 : q.Sum(x => x.CoverageSum) / graded,
            MeanDomainCount = graded == 0 ? 0 : q.Sum(x => x.DomainSum) / graded,
            MeanProcessingSeconds = graded == 0 ? 0 : q.Sum(x => x.SecondsSum) / graded,
            Quality = new QualityDistribution(good, questionable, poor),
            Thresholds = thresholds,
            Batches = Batches(r),
            IsFinished = finishedRun,
            ThroughputPerSecond = current / 3600,
            ThroughputPerHour = current,
            RecentThroughputPerHour = pace * 3600,
            ThroughputWindow = r.Window,
            FinishedInWindow = r.FinishedInWindow,
            OverallThroughputPerHour = overall,
            LastCompletion = r.LastCompletion,
            RunId = r.RunId,
            RunStartedAt = r.RunStartedAt,
            ActiveRun = r.ActiveRun,
            FirstStart = r.FirstStart,
            LastEnd = r.LastEnd,
            EstimatedRemaining = eta,
            EstimatedCompletion = eta is null ? null : r.Now + eta.Value,
            RecentCompletions = r.RecentCompletions,
            RecentFailures = r.RecentFailures,
            ComputedAt = r.Now,
        };
    }

    /// <summary>Completed chains per hour between the first start and the last completion, measured to the millisecond.</summary>
    internal static double OverallPerHour(int completed, DateTimeOffset? firstStart, DateTimeOffset? lastCompletion)
    {
        if (completed == 0 || firstStart is not { } first || lastCompletion is not { } last) return 0;
        // Times are stored to the millisecond; a run shorter than that counts as one millisecond.
        var milliseconds = Math.Max((last - first).TotalMilliseconds, 1.0);
        return completed / milliseconds * 3_600_000;
    }

    private static List<BatchStatistics> Batches(StatisticsReading r)
    {
        var quality = r.Quality.ToDictionary(x => x.Batch, StringComparer.Ordinal);
        return r.StatusCounts.GroupBy(c => c.Batch, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var t = Tally(g.Select(c => (c.Status, c.Count)));
            var qr = quality.GetValueOrDefault(g.Key);
            return new BatchStatistics
            {
                BatchName = g.Key, Total = t.Total, Pending = t.Pending, Running = t.Running, Completed = t.Completed, Failed = t.Failed,
                Cancelled = t.Cancelled, PercentDone = t.Total == 0 ? 0 : 100.0 * (t.Completed + t.Failed + t.Cancelled) / t.Total,
                SuccessRate = Rate(t.Completed, t.Failed),
                MeanCoverage = qr is null || qr.Count == 0 ? 0 : qr.CoverageSum / qr.Count,
                Quality = qr is null ? new QualityDistribution(0, 0, 0) : new QualityDistribution(qr.Good, qr.Questionable, qr.Poor),
            };
        }).ToList();
    }

    /// <summary>Cancelled chains are their own figure: a user's stop is never a failure.</summary>
    private static (int Total, int Pending, int Running, int Completed, int Failed, int Cancelled) Tally(IEnumerable<(string Status, int Count)> counts)
    {
        int total = 0, pending = 0, running = 0, completed = 0, failed = 0, cancelled = 0;
        foreach (var (status, n) in counts)
        {
            total += n;
            switch (status)
            {
                case JobStatus.Pending: pending += n; break;
                case JobStatus.Running or JobStatus.Submitted: running += n; break;
                case JobStatus.Completed: completed += n; break;
                case JobStatus.Failed or JobStatus.Timeout: failed += n; break;
                case JobStatus.Cancelled: cancelled += n; break;
            }
        }
        return (total, pending, running, completed, failed, cancelled);
    }

    private static double Rate(int completed, int failed) => completed + failed == 0 ? 0 : (double)completed / (completed + failed);
}
