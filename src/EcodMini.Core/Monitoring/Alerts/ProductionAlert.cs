namespace EcodMini.Core.Monitoring.Alerts;

/// <summary>
/// One active alert: what, how urgent, the measured value against its limit, and a sentence for people.
/// <see cref="Subject"/> names the thing concerned (a path for disk space, the lease owner), or is null for the run.
/// </summary>
public sealed record ProductionAlert(AlertKind Kind, AlertSeverity Severity, double Value, double Threshold, string Message)
{
    public string? Subject { get; init; }
}
