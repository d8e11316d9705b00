using EcodMini.Core.Monitoring;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Monitoring;

public class ProductionStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ComputesCountsRatesQualityThroughputAndEta()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var ids = Enumerable.Range(0, 10).Select(i => $"{i + 1000}_A").ToList();
        var jobs = db.RecordSubmissions(ids.Select(id => TrackingTestData.Submission(id)).ToList(), T0);
        db.TransitionStatus(jobs.Take(7).Select(j => j.Id).ToList(), JobStatus.Running, T0);
        // 6 finished over one hour: coverages 0.9, 0.85 good; 0.6, 0.5 questionable; 0.2 poor; 1 failed.
        var coverages = new[] { 0.9, 0.85, 0.6, 0.5, 0.2 };
        db.RecordResults(coverages.Select((c, i) => TrackingTestData.Result(ids[i], coverage: c, domains: i + 1, finished: T0.AddMinutes(12 * (i + 1)))).ToList());
        db.RecordResults([TrackingTestData.Result(ids[5], ok: false, finished: T0.AddMinutes(30))]);

        var stats = db.GetStatistics(now: T0.AddHours(1));
        Assert.Equal((10, 5, 1, 1, 3), (stats.Total, stats.Completed, stats.Failed, stats.Running, stats.Pending));
        Assert.Equal(5.0 / 6, stats.SuccessRate, 6);
        Assert.Equal(0.61, stats.MeanCoverage, 6);
        Assert.Equal(3.0, stats.MeanDomainCount, 6);
        Assert.Equal(new QualityDistribution(2, 2, 1), stats.Quality);
        Assert.Equal(6.0, stats.ThroughputPerHour, 6);
        Assert.Equal(6, stats.FinishedLastHour);
        Assert.Equal(TimeSpan.FromMinutes(40), stats.EstimatedRemaining);
        Assert.Equal(T0.AddHours(1).AddMinutes(40), stats.EstimatedCompletion);

        var later = db.GetStatistics(now: T0.AddMinutes(100)); // only the 48- and 60-minute ends are in the last hour
        Assert.Equal(2, later.FinishedLastHour);
        Assert.Equal(TimeSpan.FromHours(2), later.EstimatedRemaining);
        Assert.Equal(6.0, later.ThroughputPerHour, 6);

        var strict = db.GetStatistics(new QualityThresholds { Good = 0.95, Questionable = 0.85 });
        Assert.Equal(new QualityDistribution(0, 2, 3), strict.Quality);
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
    }
}
