using EcodMini.Core.Configuration;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Notifications;

namespace EcodMini.Core.Tests.Notifications;

/// <summary>Issue 19, item 11: what is told when (alerts turning on, a run finishing or failing) and the notify: section.</summary>
public class NotificationDecisionTests
{
    private static readonly ProductionAlert Slow = new(AlertKind.SlowProgress, AlertSeverity.Warning, 10, 100, "slow");
    private static readonly ProductionAlert Failing = new(AlertKind.HighFailureRate, AlertSeverity.Critical, 0.5, 0.1, "failing");

    private static ProductionStatistics Stats(int pending, int completed) => new()
    {
        CountsByStatus = new Dictionary<string, int>(), Total = pending + completed, Pending = pending, Completed = completed,
        IsFinished = pending == 0 && completed > 0, Quality = new QualityDistribution(completed, 0, 0), Thresholds = QualityThresholds.Default,
        RunId = "run-1", ComputedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void AnAlertIsToldWhenItTurnsOnNotWhileItStaysOnNorAtTheBaseline()
    {
        using var sink = new WebhookSink();
        using var notifier = new Notifier(new NotifySettings { WebhookUrl = sink.Url });
        var decider = new ProductionNotifications(notifier, "/t.db");
        Assert.Empty(decider.Observe(Stats(5, 0), [Slow]));           // baseline: already on when watching starts
        Assert.Empty(decider.Observe(Stats(5, 0), [Slow]));           // stays on
        var raised = Assert.Single(decider.Observe(Stats(4, 1), [Slow, Failing]));
        Assert.Equal(NotificationEvent.AlertRaised, raised.Event);
        Assert.Contains("\"new_alerts\":[{\"kind\":\"HighFailureRate\"", sink.Next(TimeSpan.FromSeconds(20)).Body);
        Assert.Empty(decider.Observe(Stats(3, 2), [Slow, Failing]));
        Assert.Empty(decider.Observe(Stats(3, 2), []));
        Assert.Single(decider.Observe(Stats(3, 2), [Failing]));       // off, then on again: told again
    }

    [Fact]
    public void ARunIsToldOnceWhenItFinishesAndWhenItFails()
    {
        using var sink = new WebhookSink();
        using var notifier = new Notifier(new NotifySettings { WebhookUrl = sink.Url });
        var watcher = new ProductionNotifications(notifier, "/t.db");
        Assert.Empty(watcher.Observe(Stats(2, 0), []));
        Assert.Equal(NotificationEvent.RunFinished, Assert.Single(watcher.Observe(Stats(0, 2), [])).Event);
        Assert.Empty(watcher.Observe(Stats(0, 2), []));

        var run = new ProductionNotifications(notifier, "/t.db");
        Assert.Equal(NotificationEvent.RunFailed, Assert.Single(run.RunEnded(Stats(2, 0), [], "run-9", "sbatch: error: invalid partition", ranChains: true)).Event);
        Assert.Contains("\"event\":\"run_finished\"", sink.Next(TimeSpan.FromSeconds(20)).Body);
        var failed = sink.Next(TimeSpan.FromSeconds(20));
        Assert.Contains("\"event\":\"run_failed\"", failed.Body);
        Assert.Contains("invalid partition", failed.Body);
        var quiet = new ProductionNotifications(notifier, "/t.db");
        Assert.Empty(quiet.RunEnded(Stats(0, 2), [], "run-10", null, ranChains: false)); // nothing ran: nothing new to tell
        Assert.Single(quiet.RunEnded(Stats(0, 2), [], "run-11", null, ranChains: true));
    }

    [Fact]
    public void TheNotifySectionReadsAWebhookAndANestedEmail()
    {
        var config = ConfigurationParser.Parse("""
            notify:
              webhook_url: http://127.0.0.1:8080/hook
              timeout: 5
              email:
                smtp_host: mail.example.org
                smtp_port: 2525
                from: ecod@example.org
                to: a@example.org, b@example.org
                user: ecod
                password_env: ECOD_SMTP_PASSWORD
            """);
        Assert.Equal(("http://127.0.0.1:8080/hook", 5), (config.Notify.WebhookUrl, config.Notify.Timeout));
        var email = config.Notify.Email!;
        Assert.Equal(("mail.example.org", 2525, "ecod@example.org", "ecod", "ECOD_SMTP_PASSWORD"), (email.SmtpHost, email.SmtpPort, email.From, email.User, email.PasswordEnv));
        Assert.Equal(["a@example.org", "b@example.org"], email.To);
        Assert.Null(EcodConfiguration.Default.Notify.Email);
        Assert.False(EcodConfiguration.Default.Notify.Enabled);
        Assert.Contains("notify.email.smtp_host", ConfigurationParser.AcceptedKeys());
        Assert.DoesNotContain("notify.email", ConfigurationParser.AcceptedKeys());
    }

    [Theory]
    [InlineData("notify:\n  webhook_url: ftp://x/y\n", "notify.webhook_url: expected an http:// or https:// URL")]
    [InlineData("notify:\n  email:\n    from: nobody\n    to: a@b.org\n", "notify.email.from: expected an email address")]
    [InlineData("notify:\n  email:\n    from: a@b.org\n", "notify.email.to: expected at least one")]
    [InlineData("notify:\n  email:\n    from: a@b.org\n    to: c@d.org\n    password: hunter2\n", "notify.email: unknown key 'password'")]
    public void ABadNotifySectionNamesTheKey(string yaml, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse(yaml));
        Assert.Contains(ex.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", ex.Message);
    }
}
