using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Monitoring.Dashboard;
using EcodMini.Core.Monitoring.Reports;
using EcodMini.Core.Monitoring.Resources;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring;

/// <summary>
/// Read-only watcher of one tracker: statistics, alerts, dashboard snapshots and reports, built on the tracker's
/// statistics snapshot (one read transaction). It only reads: it never takes the run's lease and works on a tracker
/// opened read-only. Not thread-safe (one tracker connection); the caller owns and disposes the tracker.
/// </summary>
public sealed class ProductionMonitor
{
    private readonly TrackingDatabase tracker;
    private readonly MonitorOptions _options;

    public ProductionMonitor(TrackingDatabase tracker, MonitorOptions? options = null)
    {
        this.tracker = tracker;
        _options = options ?? new MonitorOptions();
        tracker.KeepPagesForRepeatedReads();
    }

    public MonitorOptions Options => _options;

    public ProductionStatistics Statistics() => Statistics(_options.Clock.GetUtcNow());

    /// <summary>The active alerts, most urgent first.</summary>
    public IReadOnlyList<ProductionAlert> Alerts() => StatisticsWithAlerts().Alerts;

    /// <summary>Statistics and the alerts they raise, from one reading.</summary>
    public (ProductionStatistics Statistics, IReadOnlyList<ProductionAlert> Alerts) StatisticsWithAlerts()
    {
        var now = _options.Clock.GetUtcNow();
        var statistics = Statistics(now);
        return (statistics, AlertEvaluator.Evaluate(AlertInputs(statistics, now), _options.Alerts));
    }

    /// <summary>One dashboard frame's worth of data.</summary>
    public DashboardSnapshot Snapshot()
    {
        var now = _options.Clock.GetUtcNow();
        var statistics = Statistics(now);
        var inputs = AlertInputs(statistics, now);
        return new DashboardSnapshot
        {
            TakenAt = now,
            TrackingDatabase = tracker.Path,
            Statistics = statistics,
            Alerts = AlertEvaluator.Evaluate(inputs, _options.Alerts),
            Disks = inputs.Disks,
        };
    }

    /// <summary>The full report: every completed result and failure is read, so this costs more than a snapshot.</summary>
    public ProductionReport Report()
    {
        var now = _options.Clock.GetUtcNow();
        var statistics = Statistics(now);
        var alerts = AlertEvaluator.Evaluate(AlertInputs(statistics, now), _options.Alerts);
        return ProductionReportBuilder.Build(new ReportData(statistics, alerts, tracker.ReadReportRows()), tracker.Path, now);
    }

    private ProductionStatistics Statistics(DateTimeOffset now) => tracker.GetStatistics(new StatisticsOptions
    {
        Thresholds = _options.Quality,
        ThroughputWindow = _options.ThroughputWindow,
        RecentCount = _options.RecentCount,
        Now = now,
    });

    private AlertInputs AlertInputs(ProductionStatistics statistics, DateTimeOffset now) => new()
    {
        Statistics = statistics,
        Disks = DiskSpaceProbe.Measure(_options.OutputPaths),
        Now = now,
    };
}
