using System.Text.Json;

namespace EcodMini.Core.Notifications;

/// <summary>The webhook's JSON body: every figure of a <see cref="RunNotification"/> in snake_case, plus Slack's <c>text</c>.</summary>
public static class NotificationJson
{
    public static byte[] Serialize(RunNotification n)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("text", n.Text);
            w.WriteString("event", Name(n.Event));
            w.WriteString("run_id", n.RunId);
            w.WriteString("host", n.Host);
            w.WriteString("tracking_database", n.TrackingDatabase);
            w.WriteStartObject("counts");
            w.WriteNumber("total", n.Total);
            w.WriteNumber("completed", n.Completed);
            w.WriteNumber("failed", n.Failed);
            w.WriteNumber("running", n.Running);
            w.WriteNumber("pending", n.Pending);
            w.WriteEndObject();
            w.WriteNumber("success_rate", Math.Round(n.SuccessRate, 6));
            if (n.Duration is { } d) w.WriteNumber("duration_seconds", Math.Round(d.TotalSeconds, 3));
            else w.WriteNull("duration_seconds");
            WriteAlerts(w, "alerts", n.Alerts);
            WriteAlerts(w, "new_alerts", n.NewAlerts);
            w.WriteString("error", n.Error);
            w.WriteString("time", n.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>"run_finished", "run_failed", "alert_raised", "test".</summary>
    public static string Name(NotificationEvent e) => e switch
    {
        NotificationEvent.RunFinished => "run_finished",
        NotificationEvent.RunFailed => "run_failed",
        NotificationEvent.AlertRaised => "alert_raised",
        NotificationEvent.Status => "status",
        _ => "test",
    };

    private static void WriteAlerts(Utf8JsonWriter w, string name, IReadOnlyList<Monitoring.Alerts.ProductionAlert> alerts)
    {
        w.WriteStartArray(name);
        foreach (var a in alerts)
        {
            w.WriteStartObject();
            w.WriteString("kind", a.Kind.ToString());
            w.WriteString("severity", a.Severity.ToString().ToLowerInvariant());
            w.WriteString("message", a.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
