using System.Management.Automation;
using EcodMini.Core.Execution;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Notifications of a run (configuration's notify: section): alerts that turn on while it runs (looked at every
/// 15 s), and its end: finished (nothing left pending or running) or failed (an error stopped it). A delivery that
/// fails is a warning; it never fails the run.
/// </summary>
public abstract partial class JobRunCmdlet
{
    private static readonly TimeSpan AlertLookInterval = TimeSpan.FromSeconds(15);
    private NotificationSession? _notifications;
    private Exception? _runError;

    private void BeginNotifications(TrackingDatabase tracker)
    {
        _notifications = NotificationSession.Start(Loaded, tracker.Path);
        if (_notifications is null) return;
        WriteVerbose($"Notifications go to: {string.Join("; ", _notifications.Channels)}");
        LookForAlerts(TimeSpan.Zero);
    }

    /// <summary>Remembers the error that ends a run (an exception filter: it never catches).</summary>
    private bool NoteRunError(Exception error)
    {
        _runError ??= error;
        return false;
    }

    private void LookForAlerts(TimeSpan? every = null)
    {
        if (_notifications is null) return;
        try { _notifications.Look(every ?? AlertLookInterval, CancellationToken); }
        catch (TrackingDatabaseException ex) { WriteVerbose($"Notifications: the tracker could not be read ({ex.Message})"); }
        WriteDeliveries(_notifications);
    }

    private void EndNotifications(ExecutionResult? result, string runId)
    {
        var session = _notifications;
        _notifications = null;
        if (session is null) return;
        using (session)
        {
            if (CancellationToken.IsCancellationRequested || result?.Cancelled == true) return;
            var error = _runError is null or PipelineStoppedException or OperationCanceledException ? null : _runError.Message;
            if (error is null && result is null) return;
            try { session.RunEnded(result?.RunId ?? runId, error, ranChains: result?.Submitted > 0, CancellationToken); }
            catch (TrackingDatabaseException ex) { if (error is null) WriteVerbose($"Notifications: the tracker could not be read ({ex.Message})"); }
            // After an error the cmdlet is already stopping: the deliveries are made but not reported.
            if (error is null) WriteDeliveries(session);
        }
    }

    private void WriteDeliveries(NotificationSession session) => NotificationSession.Report(this, session.Drain());
}
