using EcodMini.Core.Monitoring;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Monitoring;

public class ProductionStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>10 chains in two batches; a run started 7 at T0; 5 completed (ends 12..60 min), 1 failed (30 min).</summary>
    private static TrackingDatabase Seed(TempFolder temp, out List<string> chainIds)
    {
        var db = TrackingTestData.Open(temp.File("t.db"));
        var ids = chainIds = Enumerable.Range(0, 10).Select(i => $"{i + 1000}_A").ToList();
        var jobs = db.RecordSubmissions(ids.Select((id, i) => TrackingTestData.Submission(id, i < 6 ? "ecod_batch_001" : "ecod_batch_002")).ToList(), now: T0);
        var attempts = db.StartAttempts(jobs.Take(7).Select(j => j.Job.Id).ToList(), new AttemptLaunch("run-1", "local", "run-1-00000", "/w/r.jsonl"), T0);
        var coverages = new[] { 0.9, 0.85, 0.6, 0.5, 0.2 };
        db.RecordResults(coverages.Select((c, i) => TrackingTestData.Result(ids[i], coverage: c, domains: i + 1, finished: T0.AddMinutes(12 * (i + 1)))
            with { AttemptId = attempts[i].AttemptId }).ToList());
        db.RecordResults([TrackingTestData.Result(ids[5], ok: false, finished: T0.AddMinutes(30)) with { AttemptId = attempts[5].AttemptId }]);
        return db;
    }

    [Fact]
    public void ComputesCountsRatesQualityAndAWindowedPace()
    {
        using var temp = new TempFolder();
        using var db = Seed(temp, out var ids);

        var stats = db.GetStatistics(new StatisticsOptions { Now = T0.AddHours(1), ThroughputWindow = TimeSpan.FromMinutes(15) });
        Assert.Equal((10, 5, 1, 1, 3), (stats.Total, stats.Completed, stats.Failed, stats.Running, stats.Pending));
        Assert.Equal(5.0 / 6, stats.SuccessRate, 6);
        Assert.Equal(0.61, stats.MeanCoverage, 6);
        Assert.Equal(3.0, stats.MeanDomainCount, 6);
        Assert.Equal(new QualityDistribution(2, 2, 1), stats.Quality);
        // Overall: 5 completed between the first start (T0) and the last completion (60 min).
        Assert.Equal(5.0, stats.OverallThroughputPerHour, 6);
        Assert.False(stats.IsFinished);
        // The 48- and 60-minute ends fall in the last 15 minutes: 2 per 900 s; 4 left -> 30 minutes.
        Assert.Equal((2, TimeSpan.FromMinutes(15)), (stats.FinishedInWindow, stats.ThroughputWindow));
        Assert.Equal(8.0, stats.ThroughputPerHour, 6);
        Assert.Equal(8.0, stats.RecentThroughputPerHour, 6);
        Assert.Equal(TimeSpan.FromMinutes(30), stats.EstimatedRemaining);
        Assert.Equal(T0.AddHours(1).AddMinutes(30), stats.EstimatedCompletion);
        Assert.Equal(("run-1", T0), (stats.RunId, stats.RunStartedAt));
        Assert.Equal([ids[4], ids[3], ids[2]], stats.RecentCompletions.Take(3).Select(j => j.ProteinId));
        Assert.Equal(ids[5], Assert.Single(stats.RecentFailures).ProteinId);

        var strict = db.GetStatistics(new QualityThresholds { Good = 0.95, Questionable = 0.85 }, T0.AddHours(1));
        Assert.Equal(new QualityDistribution(0, 2, 3), strict.Quality);
    }

    [Fact]
    public void TheWindowNeverExceedsTheRunsAge()
    {
        using var temp = new TempFolder();
        using var db = Seed(temp, out _);
        // Asking for 2 hours 1 hour into the run measures over the hour the run has existed: 6 per hour; 4 left -> 40 min.
        var stats = db.GetStatistics(new StatisticsOptions { Now = T0.AddHours(1), ThroughputWindow = TimeSpan.FromHours(2) });
        Assert.Equal((6, TimeSpan.FromHours(1)), (stats.FinishedInWindow, stats.ThroughputWindow));
        Assert.Equal(TimeSpan.FromMinutes(40), stats.EstimatedRemaining);
    }

    [Fact]
    public void AYoungRunIsMeasuredOverItsOwnSecondsNotAnHour()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var ids = Enumerable.Range(0, 200).Select(i => $"{i / 100 + 1000}_{i % 100}").ToList();
        var jobs = db.RecordSubmissions(ids.Select(id => TrackingTestData.Submission(id)).ToList(), now: T0);
        var attempts = db.StartAttempts(jobs.Select(j => j.Job.Id).ToList(), new AttemptLaunch("young", "local", "young-00000", "/w/y.jsonl"), T0);
        db.RecordResults(attempts.Take(150).Select((a, i) => TrackingTestData.Result(a.ProteinId, finished: T0.AddSeconds(i / 15.0)) with { AttemptId = a.AttemptId }).ToList());
        var stats = db.GetStatistics(new StatisticsOptions { Now = T0.AddSeconds(10) });
        Assert.Equal(TimeSpan.FromSeconds(10), stats.ThroughputWindow);
        Assert.Equal(15.0, stats.ThroughputPerSecond, 6);
        Assert.Equal(50 / 15.0, stats.EstimatedRemaining!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void PerBatchRowsAddUpToTheTotals()
    {
        using var temp = new TempFolder();
        using var db = Seed(temp, out _);
        var stats = db.GetStatistics(now: T0.AddHours(1));
        Assert.Equal(["ecod_batch_001", "ecod_batch_002"], stats.Batches.Select(b => b.BatchName));
        var first = stats.Batches[0];
        Assert.Equal((6, 5, 1, 0, 0), (first.Total, first.Completed, first.Failed, first.Running, first.Pending));
        Assert.Equal(100.0, first.PercentDone, 6);
        Assert.Equal(new QualityDistribution(2, 2, 1), first.Quality);
        var second = stats.Batches[1];
        Assert.Equal((4, 0, 1, 3, 0.0), (second.Total, second.Completed, second.Running, second.Pending, second.PercentDone));
        Assert.Equal(stats.Total, stats.Batches.Sum(b => b.Total));
    }

    [Fact]
    public void EmptyTrackerHasZerosAndNoEta()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]);
        var stats = db.GetStatistics();
        Assert.Equal((1, 0, 0.0, 0.0), (stats.Pending, stats.Completed, stats.SuccessRate, stats.ThroughputPerHour));
        Assert.Null(stats.EstimatedRemaining);
        Assert.Null(stats.ActiveRun);
    }
}
