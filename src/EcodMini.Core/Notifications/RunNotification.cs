using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;
using static EcodMini.Core.Monitoring.MonitorText;

namespace EcodMini.Core.Notifications;

/// <summary>
/// One message about a run: the event, the tracker's counts, success rate and duration, the active alerts (and those
/// that just turned on) and, for a failed run, the error. <see cref="Text"/> is the one-paragraph human version
/// (the webhook's Slack-compatible <c>text</c> and the email's body); <see cref="Subject"/> the email's subject.
/// </summary>
public sealed record RunNotification
{
    public required NotificationEvent Event { get; init; }
    public string? RunId { get; init; }
    public string? TrackingDatabase { get; init; }
    public string Host { get; init; } = Environment.MachineName;
    public int Total { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    public int Pending { get; init; }
    public int Running { get; init; }
    public double SuccessRate { get; init; }
    /// <summary>First start to last end (finished) or to now (still running); null before anything started.</summary>
    public TimeSpan? Duration { get; init; }
    public IReadOnlyList<ProductionAlert> Alerts { get; init; } = [];
    /// <summary>For <see cref="NotificationEvent.AlertRaised"/>: the alerts that were off at the previous look.</summary>
    public IReadOnlyList<ProductionAlert> NewAlerts { get; init; } = [];
    public string? Error { get; init; }
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>A message from a statistics snapshot and its alerts.</summary>
    public static RunNotification From(NotificationEvent what, ProductionStatistics s, IReadOnlyList<ProductionAlert> alerts,
        string? trackingDatabase, string? runId = null, string? error = null, IReadOnlyList<ProductionAlert>? newAlerts = null)
    {
        TimeSpan? duration = (s.RunStartedAt ?? s.FirstStart) is { } start
            ? ((s.IsFinished ? s.LastEnd : null) ?? s.ComputedAt) - start
            : null;
        return new RunNotification
        {
            Event = what, RunId = runId ?? s.RunId, TrackingDatabase = trackingDatabase,
            Total = s.Total, Completed = s.Completed, Failed = s.Failed, Pending = s.Pending, Running = s.Running,
            SuccessRate = s.SuccessRate, Duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration,
            Alerts = alerts, NewAlerts = newAlerts ?? [], Error = error, Time = s.ComputedAt,
        };
    }

    public string Subject => Event switch
    {
        NotificationEvent.RunFinished => Invariant($"EcodMini run {RunId} finished: {Completed:N0} completed, {Failed:N0} failed"),
        NotificationEvent.RunFailed => Invariant($"EcodMini run {RunId} FAILED"),
        NotificationEvent.AlertRaised => $"EcodMini alert: {string.Join(", ", NewAlerts.Select(a => a.Kind))}",
        NotificationEvent.Status => Invariant($"EcodMini run {RunId}: {Completed + Failed:N0} of {Total:N0} finished"),
        _ => "EcodMini test notification",
    };

    public string Text
    {
        get
        {
            var head = Event switch
            {
                NotificationEvent.RunFinished => $"EcodMini run {RunId} finished on {Host}.",
                NotificationEvent.RunFailed => $"EcodMini run {RunId} failed on {Host}: {Error}",
                NotificationEvent.AlertRaised => $"EcodMini alert on {Host} (run {RunId}): " + string.Join("; ", NewAlerts.Select(a => a.Message)),
                NotificationEvent.Status => $"EcodMini run {RunId} on {Host}, still working.",
                _ => $"EcodMini test notification from {Host}: this channel works.",
            };
            var counts = Invariant($"{Completed:N0} completed, {Failed:N0} failed, {Running:N0} running, {Pending:N0} pending of {Total:N0} ({Percent(SuccessRate)} success)");
            var took = Duration is { } d ? " in " + MonitorText.Duration(d) : "";
            var alerts = Alerts.Count == 0 ? "Alerts: none." : "Alerts: " + string.Join("; ", Alerts.Select(a => $"{a.Kind}: {a.Message}")) + ".";
            return $"{head}\n{counts}{took}.\n{alerts}" + (TrackingDatabase is null ? "" : $"\nTracker: {TrackingDatabase}");
        }
    }
}
