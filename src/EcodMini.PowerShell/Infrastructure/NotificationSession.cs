using System.Collections.Concurrent;
using EcodMini.Core.Configuration;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Dashboard;
using EcodMini.Core.Notifications;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// The notifications of one cmdlet call over one tracker: the configured channels, a read-only look at the tracker
/// of its own (so it never shares a connection with a run) and the deliveries made, queued for the pipeline thread.
/// Null from <see cref="Start"/> when the configuration's notify: section names no channel.
/// </summary>
internal sealed class NotificationSession : IDisposable
{
    private readonly ConcurrentQueue<NotificationDelivery> _deliveries = new();
    private readonly LoadedConfiguration _loaded;
    private readonly string _trackerPath;
    private readonly ProductionNotifications _decider;
    private TrackingDatabase? _reader;
    private ProductionMonitor? _monitor;
    private DateTimeOffset _lastLook = DateTimeOffset.MinValue;

    private NotificationSession(LoadedConfiguration loaded, string trackerPath, Notifier notifier)
    {
        (_loaded, _trackerPath) = (loaded, trackerPath);
        _decider = new ProductionNotifications(notifier, trackerPath);
    }

    public static NotificationSession? Start(LoadedConfiguration loaded, string trackerPath)
    {
        var notifier = new Notifier(loaded.Configuration.Notify);
        if (notifier.Enabled) return new NotificationSession(loaded, trackerPath, notifier);
        notifier.Dispose();
        return null;
    }

    public IEnumerable<string> Channels => _decider.Notifier.Channels;

    /// <summary>Looks at the tracker (at most once per <paramref name="every"/>), telling alerts that turned on and a run that just finished.</summary>
    public void Look(TimeSpan every, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (now - _lastLook < every) return;
        _lastLook = now;
        var (statistics, alerts) = Monitor().StatisticsWithAlerts();
        Queue(_decider.Observe(statistics, alerts, cancellationToken));
    }

    /// <summary>The same as <see cref="Look"/> on a snapshot already read (the dashboard's).</summary>
    public void Look(DashboardSnapshot snapshot, CancellationToken cancellationToken) =>
        Queue(_decider.Observe(snapshot.Statistics, snapshot.Alerts, cancellationToken));

    /// <summary>The end of a run this process ran: failed with <paramref name="error"/>, or finished.</summary>
    public void RunEnded(string runId, string? error, bool ranChains, CancellationToken cancellationToken)
    {
        var (statistics, alerts) = Monitor().StatisticsWithAlerts();
        Queue(_decider.RunEnded(statistics, alerts, runId, error, ranChains, cancellationToken));
    }

    /// <summary>The deliveries made since the last call (call on the pipeline thread to report them).</summary>
    public IEnumerable<NotificationDelivery> Drain()
    {
        while (_deliveries.TryDequeue(out var delivery)) yield return delivery;
    }

    /// <summary>Each delivery as a verbose line, a failed one as a warning (never an error: notifying never fails the work).</summary>
    public static void Report(System.Management.Automation.Cmdlet cmdlet, IEnumerable<NotificationDelivery> deliveries)
    {
        foreach (var d in deliveries)
        {
            if (d.Success) cmdlet.WriteVerbose($"Notified ({d.Event}) by {d.Channel}: {d.Target}");
            else cmdlet.WriteWarning($"Notification ({d.Event}) by {d.Channel} to {d.Target} failed: {d.Error}");
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _decider.Notifier.Dispose();
    }

    private ProductionMonitor Monitor()
    {
        if (_monitor is not null) return _monitor;
        _reader = TrackingDatabase.Open(_trackerPath, new TrackingOpenOptions { ReadOnly = true });
        return _monitor = new ProductionMonitor(_reader, _loaded.ToMonitorOptions(_trackerPath));
    }

    private void Queue(IReadOnlyList<NotificationDelivery> deliveries)
    {
        foreach (var delivery in deliveries) _deliveries.Enqueue(delivery);
    }
}
