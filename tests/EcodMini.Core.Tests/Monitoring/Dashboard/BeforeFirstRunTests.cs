using EcodMini.Core.Monitoring.Cluster;
using EcodMini.Core.Monitoring.Dashboard;
using EcodMini.Core.Processes;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tests.Processes;
using static EcodMini.Core.Tests.Monitoring.MonitoringTestData;

namespace EcodMini.Core.Tests.Monitoring.Dashboard;

/// <summary>Issue 19, item 7: the dashboard before the first submission, and the cluster's view next to the tracker's.</summary>
public class BeforeFirstRunTests
{
    private static IReadOnlyList<string> Frame(DashboardSnapshot snapshot, int width = 79) =>
        new DashboardLayout(width, 24, unicode: true).Build(snapshot, TimeSpan.FromSeconds(5), null).ToPlainLines();

    [Fact]
    public void ATrackerThatDoesNotExistYetSaysNoRunsYetAndHowToStartOne()
    {
        var empty = DashboardSnapshot.Empty("/data/ecod/tracking.db", new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.True(empty.NoRunsYet);
        var lines = Frame(empty);
        Assert.StartsWith("EcodMini production tracking.db  no run active", lines[0]);
        Assert.StartsWith("No runs yet: nothing has been submitted to /data/ecod/tracking.db", lines[1]);
        Assert.Equal("Start one:  Find-EcodProtein -BatchRoot <batches> | Submit-EcodJob", lines[2]);
        Assert.All(lines, l => Assert.True(l.Length <= 79));
        Assert.Equal("2026-03-01T10:00:00Z no runs yet in /data/ecod/tracking.db: start one with Find-EcodProtein -BatchRoot <batches> | Submit-EcodJob",
            PlainDashboard.Format(empty));
    }

    [Fact]
    public void TheLastSqueuePollIsShownNextToTheTrackersCountsWithItsTime()
    {
        using var temp = new TempFolder();
        using var db = BuildRun(temp.File("tracking.db"));
        var polled = new DateTimeOffset(2026, 3, 1, 9, 59, 30, TimeSpan.Zero);
        var snapshot = Monitor(db).Snapshot() with { Cluster = new ClusterQueueView(polled, 1, 1, ["run-x"]) };
        var lines = Frame(snapshot);
        Assert.Contains("SLURM at 09:59:30 UTC 1 queued, 1 running   tracker: 2 submitted/running", lines);
        Assert.EndsWith(" slurm=1q/1r@09:59:30Z", PlainDashboard.Format(snapshot));
        var failed = snapshot with { Cluster = new ClusterQueueView(polled, 0, 0, ["run-x"], "squeue: command not found") };
        Assert.Contains("SLURM at 09:59:30 UTC poll failed: squeue: command not found", Frame(failed));
    }

    [Fact]
    public void TheProbeAsksSqueueAtMostOncePerIntervalAndCountsQueuedAndRunningTasks()
    {
        using var temp = new TempFolder();
        // A recorded squeue answer for one array: two tasks pending (compact form), one running.
        var runner = new FakeProcessRunner().Answer("squeue", "7_[1-2]|7|PENDING|Priority\n7_0|7|RUNNING|None\n");
        var probe = new ClusterQueueProbe(new SlurmClient(runner), TimeSpan.FromMinutes(1));
        var view = probe.Poll(["run-a"], CancellationToken.None)!;
        Assert.Equal((2, 1, false), (view.Queued, view.Running, view.Failed));
        Assert.Contains("ecod-run-a", runner.Calls[0].Arguments);
        Assert.Same(view, probe.Poll(["run-a"], CancellationToken.None));
        Assert.Equal(1, runner.CallsTo("squeue"));
        Assert.Null(probe.Poll([], CancellationToken.None));
        var broken = new ClusterQueueProbe(new SlurmClient(new ProcessRunner(), new SlurmClientOptions { Squeue = temp.File("no-squeue") }), TimeSpan.Zero);
        Assert.True(broken.Poll(["run-a"], CancellationToken.None)!.Failed);
    }
}
