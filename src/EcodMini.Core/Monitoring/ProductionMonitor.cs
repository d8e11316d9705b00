using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Monitoring.Dashboard;
using EcodMini.Core.Monitoring.Reading;
using EcodMini.Core.Monitoring.Reports;
using EcodMini.Core.Monitoring.Resources;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring;

/// <summary>
/// Read-only watcher of one tracker: statistics, alerts, dashboard snapshots and reports, each read in one read
/// transaction (a consistent snapshot while a run writes). It only reads (it never
/// takes the run's lease and works on a tracker opened read-only). Not thread-safe: one tracker connection; the
/// caller owns and disposes the tracker.
/// </summary>
public sealed class ProductionMonitor(TrackingDatabase tracker, MonitorOptions? options = null)
{
    private readonly MonitorOptions _options = options ?? new MonitorOptions();
    private readonly TrackerMonitorReader _reader = new(tracker);

    public MonitorOptions Options => _options;

    public ProductionStatistics Statistics()
    {
        using var snapshot = _reader.ReadSnapshot();
        return Statistics(_options.Clock.GetUtcNow());
    }

    /// <summary>The active alerts, most urgent first.</summary>
    public IReadOnlyList<ProductionAlert> Alerts()
    {
        using var snapshot = _reader.ReadSnapshot();
        var now = _options.Clock.GetUtcNow();
        return AlertEvaluator.Evaluate(AlertInputs(Statistics(now), now), _options.Alerts);
    }

    /// <summary>Statistics and the alerts they raise, from one reading.</summary>
    public (ProductionStatistics Statistics, IReadOnlyList<ProductionAlert> Alerts) StatisticsWithAlerts()
    {
        using var snapshot = _reader.ReadSnapshot();
        var now = _options.Clock.GetUtcNow();
        var statistics = Statistics(now);
        return (statistics, AlertEvaluator.Evaluate(AlertInputs(statistics, now), _options.Alerts));
    }

    /// <summary>One dashboard frame's worth of data.</summary>
    public DashboardSnapshot Snapshot()
    {
        using var snapshot = _reader.ReadSnapshot();
        var now = _options.Clock.GetUtcNow();
        var statistics = Statistics(now);
        var inputs = AlertInputs(statistics, now);
        return new DashboardSnapshot
        {
            TakenAt = now,
            TrackingDatabase = tracker.Path,
            Statistics = statistics,
            Batches = _reader.Batches(),
            RecentCompletions = _reader.Recent(failures: false, _options.RecentCount),
            RecentFailures = _reader.Recent(failures: true, _options.RecentCount),
            Alerts = AlertEvaluator.Evaluate(inputs, _options.Alerts),
            Disks = inputs.Disks,
            Lease = inputs.Lease,
        };
    }

    /// <summary>The full report: every completed result and failure is read, so this costs more than a snapshot.</summary>
    public ProductionReport Report()
    {
        using var snapshot = _reader.ReadSnapshot();
        var now = _options.Clock.GetUtcNow();
        var statistics = Statistics(now);
        var data = new ReportData
        {
            Statistics = statistics,
            Alerts = AlertEvaluator.Evaluate(AlertInputs(statistics, now), _options.Alerts),
            Batches = _reader.Batches(),
            Completed = _reader.CompletedResults(),
            Failures = _reader.Failures(),
            FinishTimes = _reader.FinishTimes(),
            Retries = _reader.Retries(),
        };
        return ProductionReportBuilder.Build(data, tracker.Path, now);
    }

    private ProductionStatistics Statistics(DateTimeOffset now) => ProductionStatisticsCalculator.Compute(tracker, _options.Quality, now);

    private AlertInputs AlertInputs(ProductionStatistics statistics, DateTimeOffset now) => new()
    {
        Statistics = statistics,
        ResourceEndings = _reader.ResourceEndings(),
        Disks = DiskSpaceProbe.Measure(_options.OutputPaths),
        Now = now,
    };
}
