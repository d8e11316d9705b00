using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring.Reports;

/// <summary>Turns the rows read from a tracker into a <see cref="ProductionReport"/> (pure: no I/O, no clock).</summary>
internal static class ProductionReportBuilder
{
    private const int ExamplesPerFailure = 5;

    public static ProductionReport Build(ReportData data, string trackingDatabase, DateTimeOffset generatedAt)
    {
        var quality = data.Statistics.Thresholds;
        var coverages = data.Completed.Select(c => c.Coverage ?? 0).ToList();
        var byBatch = data.Completed.ToLookup(c => c.BatchName, StringComparer.Ordinal);
        return new ProductionReport
        {
            GeneratedAt = generatedAt,
            TrackingDatabase = trackingDatabase,
            Statistics = data.Statistics,
            Timing = TimingSummary.Of(data.Completed.Where(c => c.Seconds is not null).Select(c => c.Seconds!.Value)),
            Coverage = Histogram.OfFractions("coverage", coverages),
            DomainCount = Histogram.OfCounts("domain count", data.Completed.Select(c => c.DomainCount ?? 0)),
            Failures = GroupFailures(data),
            Retries = SummarizeRetries(data),
            Batches = data.Batches.Select(b => BatchOf(b, byBatch[b.BatchName].ToList(), quality)).ToList(),
            Throughput = ThroughputSeries.Of(data.FinishTimes.Select(f => (f.EndTime, f.Completed)).ToList()),
            Alerts = data.Alerts,
        };
    }

    private static List<FailureGroup> GroupFailures(ReportData data) => data.Failures
        .GroupBy(f => (f.Status, Reason: FailureReasons.Key(f.Status, f.Error)))
        .Select(g => new FailureGroup(g.Key.Status, g.Key.Reason, g.Count())
        {
            Examples = g.Take(ExamplesPerFailure).Select(f => $"{f.ProteinId} ({f.BatchName})").ToList(),
            SampleMessage = g.Select(f => f.Error).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e)),
        })
        .OrderByDescending(g => g.Count).ThenBy(g => g.Status, StringComparer.Ordinal).ThenBy(g => g.Reason, StringComparer.Ordinal)
        .ToList();

    private static RetrySummary SummarizeRetries(ReportData data)
    {
        var levels = data.Retries.GroupBy(r => r.RetryCount).OrderBy(g => g.Key).Select(g => new RetryLevel(
            g.Key,
            g.Sum(r => r.Jobs),
            g.Where(r => r.Status == JobStatus.Completed).Sum(r => r.Jobs),
            g.Where(r => Reading.MonitorStatuses.IsFailure(r.Status)).Sum(r => r.Jobs))).ToList();
        var retried = levels.Where(l => l.RetryCount > 0).ToList();
        return new RetrySummary(retried.Sum(l => l.RetryCount * l.Jobs), retried.Sum(l => l.Jobs), retried.Sum(l => l.Completed), levels);
    }

    private static BatchReport BatchOf(BatchProgress progress, List<Reading.CompletedRow> rows, QualityThresholds quality)
    {
        if (rows.Count == 0) return new BatchReport(progress, 0, 0, 0);
        return new BatchReport(progress,
            rows.Average(r => r.Coverage ?? 0),
            rows.Average(r => r.DomainCount ?? 0),
            rows.Count(r => quality.Grade(r.Coverage ?? 0) == "poor"));
    }
}
