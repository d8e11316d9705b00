using EcodMini.Core.Monitoring;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Monitoring;

/// <summary>Issue 19, item 1: a finished run keeps its throughput; a running one is measured over a sliding window.</summary>
public class FinishedRunThroughputTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs <paramref name="count"/> chains that started at T0 and completed 1 ms apart, the last at <paramref name="lastEnd"/>.</summary>
    private static TrackingDatabase FinishedRun(TempFolder temp, int count, TimeSpan lastEnd, int left = 0)
    {
        var db = TrackingTestData.Open(temp.File("t.db"));
        var ids = Enumerable.Range(0, count + left).Select(i => $"{i + 1000}_A").ToList();
        var jobs = db.RecordSubmissions(ids.Select(id => TrackingTestData.Submission(id)).ToList(), now: T0);
        var attempts = db.StartAttempts(jobs.Select(j => j.Job.Id).ToList(), new AttemptLaunch("run-f", "local", "run-f-00000", "/w/f.jsonl"), T0);
        db.RecordResults(attempts.Take(count).Select((a, i) =>
        {
            var end = T0 + lastEnd - TimeSpan.FromMilliseconds(count - 1 - i);
            return TrackingTestData.Result(a.ProteinId, finished: end) with { AttemptId = a.AttemptId, StartedAt = T0 };
        }).ToList());
        return db;
    }

    [Fact]
    public void AFinishedRunKeepsItsThroughputHoursLater()
    {
        using var temp = new TempFolder();
        using var db = FinishedRun(temp, 10, TimeSpan.FromMinutes(30));
        foreach (var later in new[] { TimeSpan.FromMinutes(31), TimeSpan.FromHours(5), TimeSpan.FromDays(3) })
        {
            var stats = db.GetStatistics(new StatisticsOptions { Now = T0 + later });
            Assert.True(stats.IsFinished);
            Assert.Equal(20.0, stats.ThroughputPerHour, 6);
            Assert.Equal(20.0, stats.OverallThroughputPerHour, 6);
            Assert.Equal(20.0 / 3600, stats.ThroughputPerSecond, 9);
            Assert.Equal(TimeSpan.Zero, stats.EstimatedRemaining);
        }
    }

    [Fact]
    public void ASubSecondRunIsMeasuredToTheMillisecond()
    {
        using var temp = new TempFolder();
        // 4 chains, the last completed 250 ms after the first start: 4 / 0.25 s = 57,600 per hour (not floored to 1 s).
        using var db = FinishedRun(temp, 4, TimeSpan.FromMilliseconds(250));
        var stats = db.GetStatistics(new StatisticsOptions { Now = T0.AddSeconds(2) });
        Assert.Equal(57_600, stats.ThroughputPerHour, 3);
        Assert.Equal(57_600, stats.OverallThroughputPerHour, 3);
        Assert.Equal(T0.AddMilliseconds(250), stats.LastCompletion);
    }

    [Fact]
    public void ARunningRunUsesTheRecentWindowAndShowsBoth()
    {
        using var temp = new TempFolder();
        // 10 done in the first 30 minutes, 5 still running; an hour in, the last 15 minutes saw nothing finish.
        using var db = FinishedRun(temp, 10, TimeSpan.FromMinutes(30), left: 5);
        var stats = db.GetStatistics(new StatisticsOptions { Now = T0.AddHours(1), ThroughputWindow = TimeSpan.FromMinutes(15) });
        Assert.False(stats.IsFinished);
        Assert.Equal(0, stats.RecentThroughputPerHour);
        Assert.Equal(0, stats.ThroughputPerHour);
        Assert.Equal(20.0, stats.OverallThroughputPerHour, 6);
        Assert.Null(stats.EstimatedRemaining);

        var early = db.GetStatistics(new StatisticsOptions { Now = T0.AddMinutes(30), ThroughputWindow = TimeSpan.FromMinutes(15) });
        Assert.Equal(early.RecentThroughputPerHour, early.ThroughputPerHour);
        Assert.True(early.RecentThroughputPerHour > 0);
        Assert.Equal(5 / (early.RecentThroughputPerHour / 3600), early.EstimatedRemaining!.Value.TotalSeconds, 3);
    }
}
