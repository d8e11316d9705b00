using System.Net;
using System.Text.Json;
using EcodMini.Core.Configuration;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Notifications;

namespace EcodMini.Core.Tests.Notifications;

/// <summary>Issue 19, item 11: messages reach a real HTTP listener and a real SMTP server.</summary>
public class NotificationDeliveryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static RunNotification Finished() => new()
    {
        Event = NotificationEvent.RunFinished, RunId = "run-42", TrackingDatabase = "/data/tracking.db",
        Total = 300, Completed = 297, Failed = 3, SuccessRate = 0.99, Duration = TimeSpan.FromSeconds(65.5),
        Alerts = [new ProductionAlert(AlertKind.LowQuality, AlertSeverity.Warning, 0.4, 0.3, "poor results 40% above 30%")],
    };

    [Fact]
    public void TheWebhookReceivesTheRunAsJsonWithASlackText()
    {
        using var sink = new WebhookSink();
        using var notifier = new Notifier(new NotifySettings { WebhookUrl = sink.Url });
        var delivery = Assert.Single(notifier.Send(Finished()));
        Assert.True(delivery.Success, delivery.Error);
        Assert.Equal($"http://127.0.0.1:{sink.Port}/...", delivery.Target);

        var request = sink.Next(Wait);
        Assert.Equal(("POST", "/hooks/secret-token"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.ContentType);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("run_finished", root.GetProperty("event").GetString());
        Assert.Equal("run-42", root.GetProperty("run_id").GetString());
        Assert.Equal(297, root.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.Equal(3, root.GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.Equal(300, root.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(0.99, root.GetProperty("success_rate").GetDouble(), 6);
        Assert.Equal(65.5, root.GetProperty("duration_seconds").GetDouble(), 3);
        Assert.Equal("LowQuality", root.GetProperty("alerts")[0].GetProperty("kind").GetString());
        var text = root.GetProperty("text").GetString()!;
        Assert.Contains("run-42 finished", text);
        Assert.Contains("297 completed, 3 failed", text);
        Assert.Contains("99.0% success", text);
        Assert.Contains("LowQuality", text);
    }

    [Fact]
    public void ARefusedOrUnreachableWebhookIsAFailedDeliveryNotAnException()
    {
        using var sink = new WebhookSink { Status = HttpStatusCode.InternalServerError };
        using var refused = new Notifier(new NotifySettings { WebhookUrl = sink.Url });
        var delivery = Assert.Single(refused.Send(Finished()));
        Assert.False(delivery.Success);
        Assert.Contains("500", delivery.Error);
        Assert.DoesNotContain("secret-token", delivery.Target);

        using var nobody = new Notifier(new NotifySettings { WebhookUrl = "http://127.0.0.1:9/", Timeout = 2 });
        Assert.False(Assert.Single(nobody.Send(Finished())).Success);
    }

    [Fact]
    public void TheEmailReachesARealSmtpServer()
    {
        using var smtp = new SmtpSink();
        var email = new EmailSettings { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, From = "ecod@example.org", To = ["ops@example.org", "cur@example.org"] };
        using var notifier = new Notifier(new NotifySettings { Email = email });
        var delivery = Assert.Single(notifier.Send(Finished()));
        Assert.True(delivery.Success, delivery.Error);
        var message = smtp.Next(Wait);
        Assert.Equal("<ecod@example.org>", message.From);
        Assert.Equal(["<ops@example.org>", "<cur@example.org>"], message.To);
        Assert.Contains("Subject: EcodMini run run-42 finished: 297 completed, 3 failed", message.Data);
        Assert.Contains("297 completed, 3 failed", message.Data);
    }

    [Fact]
    public void AnSmtpLoginTakesItsPasswordOnlyFromTheNamedVariable()
    {
        var email = new EmailSettings { SmtpHost = "127.0.0.1", SmtpPort = 25, From = "a@b.org", To = ["c@d.org"], User = "ecod", PasswordEnv = "ECOD_TEST_SMTP_PW" };
        Assert.Equal("s3cret", email.ResolvePassword(name => name == "ECOD_TEST_SMTP_PW" ? "s3cret" : null));
        using var notifier = new Notifier(new NotifySettings { Email = email }, _ => null);
        var delivery = Assert.Single(notifier.Send(Finished()));
        Assert.False(delivery.Success);
        Assert.Contains("ECOD_TEST_SMTP_PW", delivery.Error);
    }
}
