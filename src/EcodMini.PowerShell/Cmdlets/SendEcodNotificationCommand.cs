using System.Management.Automation;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Notifications;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Sends a message to the channels of the configuration's notify: section (webhook, email): with -Test a test
/// message; otherwise the tracker's current figures and active alerts. One delivery object per channel.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "EcodNotification", SupportsShouldProcess = true, DefaultParameterSetName = "Status")]
[OutputType(typeof(NotificationDelivery))]
public sealed class SendEcodNotificationCommand : EcodMonitorCmdlet
{
    /// <summary>Send a test message (no tracker needed) to check that every channel works.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Test")]
    public SwitchParameter Test { get; set; }

    [Parameter(Position = 0, ParameterSetName = "Status", ValueFromPipelineByPropertyName = true)]
    public string? TrackingDatabase { get; set; }

    protected override string? TrackingDatabaseParameter => TrackingDatabase;

    protected override void EndProcessing()
    {
        using var notifier = new Notifier(Settings.Notify);
        if (!notifier.Enabled)
        {
            Fail(new InvalidOperationException(
                    $"{Loaded.FilePath ?? "the built-in configuration"}: the notify: section names no webhook_url and no email; nothing to send to"),
                "EcodNotifyNotConfigured", ErrorCategory.InvalidOperation, Loaded.FilePath);
            return;
        }
        var message = Test.IsPresent ? new RunNotification { Event = NotificationEvent.Test } : StatusMessage();
        var channels = string.Join("; ", notifier.Channels);
        if (!ShouldProcess(channels, $"Send the {NotificationJson.Name(message.Event)} notification")) return;
        WriteVerbose(message.Text);
        foreach (var delivery in notifier.Send(message, CancellationToken))
        {
            WriteObject(delivery);
            if (!delivery.Success)
                WriteItemError(new IOException($"{delivery.Channel} {delivery.Target}: {delivery.Error}"), "EcodNotificationFailed", ErrorCategory.ConnectionError, delivery);
        }
    }

    /// <summary>The tracker's figures now, as a finished or running run's message.</summary>
    private RunNotification StatusMessage()
    {
        var monitor = OpenMonitor();
        var (statistics, alerts) = monitor.StatisticsWithAlerts();
        return RunNotification.From(statistics.IsFinished ? NotificationEvent.RunFinished : NotificationEvent.Status, statistics, alerts, TrackerPath(TrackingDatabase));
    }
}
