using System.Management.Automation;
using EcodMini.Core.Monitoring.Cluster;
using EcodMini.Core.Monitoring.Dashboard;
using EcodMini.Core.Processes;
using EcodMini.Core.Slurm;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// A live dashboard of a production run, redrawn in place from the tracking database (read-only), or one plain line
/// per refresh when the output is redirected or the host has no terminal. Ctrl+C ends the display, never the run.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "EcodProduction")]
[OutputType(typeof(DashboardSnapshot))]
public sealed class WatchEcodProductionCommand : EcodMonitorCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? TrackingDatabase { get; set; }

    /// <summary>Seconds between refreshes; default: monitoring.refresh_interval (5).</summary>
    [Parameter]
    [ValidateRange(0.2, 3600.0)]
    public double? RefreshInterval { get; set; }

    /// <summary>Stop after this many refreshes and emit the last snapshot.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Count { get; set; }

    /// <summary>Stop once no job is pending or running, and emit the last snapshot.</summary>
    [Parameter]
    public SwitchParameter UntilDone { get; set; }

    /// <summary>One plain line per refresh even on a terminal (for logs).</summary>
    [Parameter]
    public SwitchParameter Plain { get; set; }

    protected override string? TrackingDatabaseParameter => TrackingDatabase;

    protected override void EndProcessing()
    {
        var path = TrackerPath(TrackingDatabase);
        // Before the first submission there is no tracker yet: "no runs yet" until it appears (a bad file still stops here).
        var monitor = File.Exists(path) ? OpenMonitor() : null;
        if (monitor is null) WriteVerbose($"No runs yet ({path} does not exist): showing how to start one until the first submission");
        var interval = TimeSpan.FromSeconds(RefreshInterval ?? Settings.Monitoring.RefreshInterval);
        // squeue (read-only) for the tracker's open SLURM runs, at most every 15 s: what the cluster holds next to the tracker's counts.
        var cluster = new ClusterQueueProbe(new SlurmClient(new ProcessRunner()), TimeSpan.FromSeconds(Math.Max(15, interval.TotalSeconds)));
        var (live, why) = Plain.IsPresent ? (false, "-Plain was given") : TerminalCheck.CanDrawLive(this);
        WriteVerbose(live ? $"Live dashboard every {interval.TotalSeconds:0.#} s" : $"Plain lines every {interval.TotalSeconds:0.#} s: {why}");
        IDashboardView view = live
            ? LiveDashboard.ForTerminal(interval)
            : new PlainDashboard(line => WriteInformation(new HostInformationMessage { Message = line }, ["PSHOST", "EcodMini", "Dashboard"]));
        var options = new DashboardLoopOptions { Interval = interval, MaxRefreshes = Count, StopWhenDone = UntilDone.IsPresent };
        DashboardSnapshot? last = null;
        // Alerts turning on and the run finishing while watched are told to the notify: channels (the first frame is the baseline).
        using var notifications = NotificationSession.Start(Loaded, TrackerPath(TrackingDatabase));
        DashboardSnapshot Take()
        {
            if (monitor is null && File.Exists(path)) monitor = TryOpenMonitor(out _);
            if (monitor is null) return DashboardSnapshot.Empty(path, DateTimeOffset.UtcNow);
            var snapshot = monitor.Snapshot();
            var runs = snapshot.Running > 0 ? MonitoredTracker!.GetOpenClusterRuns() : [];
            snapshot = snapshot with { Cluster = cluster.Poll(runs, CancellationToken) };
            notifications?.Look(snapshot, CancellationToken);
            return snapshot;
        }
        RunStoppable(() => last = DashboardLoop.Run(Take, view, options, CancellationToken));
        if (notifications is not null) NotificationSession.Report(this, notifications.Drain());
        // Ctrl+C: the view has restored the terminal; the pipeline stops without output.
        if (CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
        if (last is not null)
        {
            WriteAlertWarnings(last.Alerts);
            WriteObject(last);
        }
    }
}
