namespace EcodMini.Core.Monitoring.Alerts;

/// <summary>How urgent an alert is: a warning needs a look, a critical alert threatens the run itself.</summary>
public enum AlertSeverity
{
    Warning,
    Critical,
}
