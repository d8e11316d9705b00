using System.Collections;
using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Base for the monitoring cmdlets: a tracking database opened read-only (they never write it nor take the run's
/// lease), alert limits from the configuration's <c>monitoring:</c> section overridden by <c>-Threshold</c>.
/// </summary>
public abstract class EcodMonitorCmdlet : EcodConfiguredCmdlet
{
    private TrackingDatabase? _tracker;

    /// <summary>The cmdlet's -TrackingDatabase value (declared by each cmdlet, which chooses its position); null = the configuration's.</summary>
    protected abstract string? TrackingDatabaseParameter { get; }

    /// <summary>Alert limits that differ from the configuration, e.g. @{ MaxFailureRate = 0.2 } or @{ max_failure_rate = 0.2 }.</summary>
    [Parameter]
    public Hashtable? Threshold { get; set; }

    /// <summary>The tracker <see cref="OpenMonitor"/> opened (read-only), or null before.</summary>
    protected TrackingDatabase? MonitoredTracker => _tracker;

    /// <summary>Opens the tracker read-only and builds a monitor over it (the cmdlet disposes the tracker).</summary>
    protected ProductionMonitor OpenMonitor(QualityThresholds? quality = null, TimeSpan? throughputWindow = null)
    {
        _tracker = OpenTracker(TrackingDatabaseParameter, readOnly: true);
        return BuildMonitor(_tracker, quality, throughputWindow);
    }

    /// <summary>
    /// <see cref="OpenMonitor"/> for a tracker that may not exist or be ready yet (before the first submission):
    /// null, with the reason, instead of stopping the cmdlet.
    /// </summary>
    protected ProductionMonitor? TryOpenMonitor(out string? reason)
    {
        var path = TrackerPath(TrackingDatabaseParameter);
        reason = null;
        if (!File.Exists(path)) { reason = $"{path} does not exist yet"; return null; }
        try { _tracker = TrackingDatabase.Open(path, new TrackingOpenOptions { ReadOnly = true }); }
        catch (TrackingDatabaseException ex) { reason = ex.Message; return null; }
        return BuildMonitor(_tracker, null, null);
    }

    private ProductionMonitor BuildMonitor(TrackingDatabase tracker, QualityThresholds? quality, TimeSpan? throughputWindow)
    {
        var path = TrackerPath(TrackingDatabaseParameter);
        var options = Loaded.ToMonitorOptions(path);
        options = options with
        {
            Quality = quality ?? options.Quality,
            Alerts = BindThresholds(options.Alerts),
            ThroughputWindow = throughputWindow ?? options.ThroughputWindow,
        };
        WriteVerbose($"Watching free space under: {string.Join(", ", options.OutputPaths)}");
        return new ProductionMonitor(tracker, options);
    }

    /// <summary>Writes each alert as a warning (for cmdlets whose output is something else).</summary>
    protected void WriteAlertWarnings(IEnumerable<ProductionAlert> alerts)
    {
        foreach (var alert in alerts) WriteWarning($"{alert.Kind}: {alert.Message}");
    }

    protected override void ReleaseResources()
    {
        _tracker?.Dispose();
        _tracker = null;
    }

    private AlertThresholds BindThresholds(AlertThresholds configured)
    {
        try
        {
            var bound = OptionsBinder.Apply(configured, ThresholdSettings.Normalize(Threshold), t => t with { }).Validate();
            foreach (var change in OptionsBinder.Differences(AlertThresholds.Default, bound))
                WriteVerbose($"Alert limit differs from the production design's default: {change}");
            return bound;
        }
        catch (ArgumentException ex)
        {
            Fail(ex, "EcodInvalidThreshold", ErrorCategory.InvalidArgument, Threshold);
            throw; // unreachable: Fail throws
        }
    }
}
