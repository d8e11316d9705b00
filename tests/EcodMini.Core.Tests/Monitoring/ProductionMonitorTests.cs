using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;
using static EcodMini.Core.Tests.Monitoring.MonitoringTestData;

namespace EcodMini.Core.Tests.Monitoring;

public class ProductionMonitorTests
{
    [Fact]
    public void SnapshotCountsEveryBatchAndListsTheLatestJobsNewestFirst()
    {
        using var temp = new TempFolder();
        using var db = BuildRun(temp.File("t.db"));
        var s = Monitor(db).Snapshot();

        Assert.Equal((14, 8, 3, 2, 1), (s.Total, s.Completed, s.Failed, s.Running, s.Pending));
        Assert.Equal(T0.AddHours(2), s.TakenAt);
        Assert.Equal([(BatchA, 6, 3, 0, 1), (BatchB, 2, 0, 2, 0)], s.Batches.Select(b => (b.BatchName, b.Completed, b.Failed, b.Running, b.Pending)));
        Assert.Equal(("run-1", T0), (s.Statistics.RunId, s.Statistics.RunStartedAt));
        Assert.Equal(["6a06_A", "2b02_B", "1b01_B", "5a05_A", "4a04_A"], s.RecentCompletions.Select(j => j.ProteinId));
        Assert.Equal((0, 0.1), (s.RecentCompletions[0].DomainCount, s.RecentCompletions[0].Coverage));
        Assert.Equal(["9a09_A", "8a08_A", "7a07_A"], s.RecentFailures.Select(j => j.ProteinId));
        Assert.Equal("timeout", s.RecentFailures[0].Status);
        Assert.StartsWith("/data/ecod_batch_001/domains/8a08_A", s.RecentFailures[1].Error);
        Assert.False(s.IsDone);
    }

    [Fact]
    public void SnapshotCarriesTheAlertsOfTheRun()
    {
        using var temp = new TempFolder();
        using var db = BuildRun(temp.File("t.db"));
        var kinds = Monitor(db).Snapshot().Alerts.Select(a => a.Kind).ToList();
        // 3 of 11 finished failed (27%), 2 of 8 completed are poor (25%: below 30%), one job timed out,
        // 2 finished in the last 15 minutes: 8/h with work left.
        Assert.Equal([AlertKind.HighFailureRate, AlertKind.SlowProgress, AlertKind.ResourceExhausted], kinds);
        Assert.Empty(Monitor(db, AlertThresholds.Default with { MaxFailureRate = 0.3, MinThroughputPerHour = 1, MaxResourceEndings = 1 }).Alerts());
    }

    [Fact]
    public void ReportComputesTimingsHistogramsFailuresRetriesAndThroughput()
    {
        using var temp = new TempFolder();
        using var db = BuildRun(temp.File("t.db"));
        var r = Monitor(db).Report();

        // Seconds 1 2 3 4 5 10 (batch A) and 2 2 (batch B): sorted 1 2 2 2 3 4 5 10.
        Assert.Equal(8, r.Timing.Count);
        Assert.Equal(29.0 / 8, r.Timing.MeanSeconds, 9);
        Assert.Equal(2.5, r.Timing.P50Seconds, 9);
        Assert.Equal(5 + 0.65 * 5, r.Timing.P95Seconds, 9);
        Assert.Equal(10, r.Timing.MaxSeconds);

        Assert.Equal([0, 1, 0, 1, 0, 0, 1, 0, 2, 3], r.Coverage.Bins.Select(b => b.Count));
        Assert.Equal(8, r.Coverage.Total);
        Assert.Equal([1, 2, 4, 1, 0, 0, 0, 0, 0], r.DomainCount.Bins.Select(b => b.Count));
        Assert.Equal("8+", r.DomainCount.Bins[^1].Label);
        Assert.Null(r.DomainCount.Bins[^1].Upper);

        var malformed = Assert.Single(r.Failures, f => f.Status == "failed");
        Assert.Equal(("no usable hit, every hit is malformed", 2), (malformed.Reason, malformed.Count));
        Assert.Equal(["7a07_A (" + BatchA + ")", "8a08_A (" + BatchA + ")"], malformed.Examples);
        Assert.Single(r.Failures, f => f.Status == "timeout");

        Assert.Equal((1, 1, 1), (r.Retries.TotalRetries, r.Retries.JobsRetried, r.Retries.RetriedThenCompleted));
        Assert.Equal([0, 1], r.Retries.Levels.Select(l => l.RetryCount));

        Assert.Equal(TimeSpan.FromMinutes(5), r.Throughput.Bucket); // 8:10 to 9:50 is 100 minutes
        Assert.Equal(r.Statistics.Completed + r.Statistics.Failed, r.Throughput.Points.Sum(p => p.Completed + p.Failed));
        Assert.Equal(T0.AddMinutes(10), r.Throughput.Points[0].Start);
        Assert.Equal(12.0, r.Throughput.Points[0].PerHour, 9); // one job in five minutes

        var a = Assert.Single(r.Statistics.Batches, b => b.BatchName == BatchA);
        Assert.Equal((0.95 + 0.9 + 0.85 + 0.6 + 0.3 + 0.1) / 6, a.MeanCoverage, 9);
        Assert.Equal(2, a.Quality.Poor);
        Assert.Equal(3.0 / 11, r.FailureRate, 9);
    }

    [Fact]
    public void MonitorOnAReadOnlyTrackerReadsWithoutWriting()
    {
        using var temp = new TempFolder();
        var path = temp.File("t.db");
        BuildRun(path).Dispose();
        var before = File.ReadAllBytes(path);
        using (var db = Core.Tracking.TrackingDatabase.Open(path, Tracking.TrackingTestData.Local with { ReadOnly = true }))
        {
            var monitor = Monitor(db);
            Assert.Equal(14, monitor.Snapshot().Total);
            Assert.Equal(8, monitor.Report().Statistics.Completed);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
