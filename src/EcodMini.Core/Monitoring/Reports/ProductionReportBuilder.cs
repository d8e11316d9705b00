using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring.Reports;

/// <summary>Turns the rows read from a tracker into a <see cref="ProductionReport"/> (pure: no I/O, no clock).</summary>
internal static class ProductionReportBuilder
{
    private const int ExamplesPerFailure = 5;

    public static ProductionReport Build(ReportData data, string trackingDatabase, DateTimeOffset generatedAt)
    {
        var rows = data.Rows;
        var coverages = rows.Completed.Select(c => c.Coverage ?? 0).ToList();
        return new ProductionReport
        {
            GeneratedAt = generatedAt,
            TrackingDatabase = trackingDatabase,
            Statistics = data.Statistics,
            Timing = TimingSummary.Of(rows.Completed.Where(c => c.Seconds is not null).Select(c => c.Seconds!.Value)),
            Coverage = Histogram.OfFractions("coverage", coverages),
            DomainCount = Histogram.OfCounts("domain count", rows.Completed.Select(c => c.DomainCount ?? 0)),
            Failures = GroupFailures(data),
            Retries = SummarizeRetries(data),
            Throughput = ThroughputSeries.Of(rows.FinishTimes.Select(f => (f.EndTime, f.Completed)).ToList()),
            Alerts = data.Alerts,
        };
    }

    private static List<FailureGroup> GroupFailures(ReportData data) => data.Rows.Failures
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
        var levels = data.Rows.Retries.GroupBy(r => r.RetryCount).OrderBy(g => g.Key).Select(g => new RetryLevel(
            g.Key,
            g.Sum(r => r.Jobs),
            g.Where(r => r.Status == JobStatus.Completed).Sum(r => r.Jobs),
            g.Where(r => Reading.MonitorStatuses.IsFailure(r.Status)).Sum(r => r.Jobs))).ToList();
        var retried = levels.Where(l => l.RetryCount > 0).ToList();
        return new RetrySummary(retried.Sum(l => l.RetryCount * l.Jobs), retried.Sum(l => l.Jobs), retried.Sum(l => l.Completed), levels);
    }
}
