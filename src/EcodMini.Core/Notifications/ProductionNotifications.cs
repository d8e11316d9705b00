using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;

namespace EcodMini.Core.Notifications;

/// <summary>
/// Decides what to tell from successive looks at one tracker: an alert turning on (the first look is the baseline,
/// so an alert already on when watching starts is not repeated), a run becoming finished (nothing pending or
/// running), and the end of a run this process ran (finished, or failed with its error). Not thread-safe.
/// </summary>
public sealed class ProductionNotifications(Notifier notifier, string trackingDatabase)
{
    private readonly AlertTransitions _alerts = new();
    private bool? _wasFinished;

    public Notifier Notifier => notifier;

    /// <summary>Takes one look; sends AlertRaised for alerts that turned on and RunFinished when the work just ran out.</summary>
    public IReadOnlyList<NotificationDelivery> Observe(ProductionStatistics statistics, IReadOnlyList<ProductionAlert> alerts, CancellationToken cancellationToken = default)
    {
        var deliveries = new List<NotificationDelivery>();
        var baseline = _wasFinished is null;
        var raised = _alerts.TurnedOn(alerts);
        if (!baseline && raised.Count > 0)
            deliveries.AddRange(notifier.Send(RunNotification.From(NotificationEvent.AlertRaised, statistics, alerts, trackingDatabase, newAlerts: raised), cancellationToken));
        if (_wasFinished == false && statistics.IsFinished)
            deliveries.AddRange(notifier.Send(RunNotification.From(NotificationEvent.RunFinished, statistics, alerts, trackingDatabase), cancellationToken));
        _wasFinished = statistics.IsFinished;
        return deliveries;
    }

    /// <summary>
    /// The end of a run this process ran: alerts that turned on during it, then RunFailed (an error stopped it) or
    /// RunFinished (nothing is left to do, and the run itself ran chains).
    /// </summary>
    public IReadOnlyList<NotificationDelivery> RunEnded(ProductionStatistics statistics, IReadOnlyList<ProductionAlert> alerts, string runId,
        string? error, bool ranChains, CancellationToken cancellationToken = default)
    {
        var deliveries = new List<NotificationDelivery>();
        var raised = _alerts.TurnedOn(alerts);
        if (_wasFinished is not null && raised.Count > 0)
            deliveries.AddRange(notifier.Send(RunNotification.From(NotificationEvent.AlertRaised, statistics, alerts, trackingDatabase, runId, newAlerts: raised), cancellationToken));
        if (error is not null)
            deliveries.AddRange(notifier.Send(RunNotification.From(NotificationEvent.RunFailed, statistics, alerts, trackingDatabase, runId, error), cancellationToken));
        else if (statistics.IsFinished && (ranChains || _wasFinished == false))
            deliveries.AddRange(notifier.Send(RunNotification.From(NotificationEvent.RunFinished, statistics, alerts, trackingDatabase, runId), cancellationToken));
        _wasFinished = statistics.IsFinished;
        return deliveries;
    }
}
