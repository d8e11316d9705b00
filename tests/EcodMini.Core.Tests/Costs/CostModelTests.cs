using EcodMini.Core.Costs;
using EcodMini.Core.Slurm;

namespace EcodMini.Core.Tests.Costs;

public class CostModelTests
{
    [Fact]
    public void WithoutHistoryTheDefaultModelIsUsed()
    {
        var model = ChainTimeModel.FromHistory([]);
        Assert.Same(ChainTimeModel.Default, model);
        Assert.Equal(3, model.SecondsFor(150));
        Assert.Equal(26, model.SecondsFor(5000));
        Assert.Equal(12, model.SecondsFor(null));
    }

    [Fact]
    public void HistoryGivesTheMedianPerLengthBucket()
    {
        var timings = Enumerable.Range(0, 9).Select(i => (100, 1.0 + i))          // <200: median 5
            .Concat(Enumerable.Range(0, 5).Select(i => (900, 40.0)))              // 800-1599: 40
            .Concat([(300, 7.0)]).ToList();                                       // 200-399: too few, overall median
        var model = ChainTimeModel.FromHistory(timings);
        Assert.Equal(5, model.SecondsFor(150));
        Assert.Equal(40, model.SecondsFor(1000));
        Assert.Equal(7, model.SecondsFor(250)); // overall median of the 15 timings (1..9, 7, five 40s)
        Assert.Equal(15, model.HistoryChains);
    }

    [Fact]
    public void EstimateFillsTasksAndPlacesThemOnTheConcurrencyCap()
    {
        var model = new ChainTimeModel([10, 10, 10, 10, 10], 10, 0, "test");
        // 100 chains of 10 s in tasks of 10 = 10 tasks of 100 s; 4 at once = 3 waves = 300 s.
        var e = RunEstimator.Estimate(Enumerable.Repeat<int?>(100, 100).ToList(), chunkSize: 10, concurrency: 4, cpusPerTask: 2, model);
        Assert.Equal((100, 10, 4), (e.Chains, e.Tasks, e.Concurrency));
        Assert.Equal(TimeSpan.FromSeconds(300), e.WallTime);
        Assert.Equal(TimeSpan.FromSeconds(100), e.LongestTask);
        Assert.Equal(1000 * 2 / 3600.0, e.CoreHours, 6);
    }

    [Fact]
    public void SacctStepsGiveThePeakMemoryAndTheAllocationTheTimes()
    {
        const string output = """
            17_0|COMPLETED|00:02:00|00:01:30.500|
            17_0.batch|COMPLETED|00:02:00|00:01:30.500|524288K
            17_0.extern|COMPLETED|00:02:00|00:00:00|1024K
            17_1|FAILED|01:00:00|00:59:00|
            17_1.batch|FAILED|01:00:00|00:59:00|2G
            17_[2-3%2]|PENDING|00:00:00|00:00:00|
            """;
        var usage = SacctResourceParser.Parse(output);
        Assert.Equal(2, usage.Count);
        Assert.Equal(("17_0", SlurmJobState.Completed, TimeSpan.FromMinutes(2), 524288L), (usage[0].JobId, usage[0].State, usage[0].Elapsed!.Value, usage[0].MaxRssKilobytes!.Value));
        Assert.Equal(TimeSpan.FromSeconds(90.5), usage[0].TotalCpu);
        Assert.Equal((SlurmJobState.Failed, 2L * 1024 * 1024), (usage[1].State, usage[1].MaxRssKilobytes!.Value));
    }

    [Fact]
    public void ResourceReportGivesPercentilesAndRecommendations()
    {
        var tasks = Enumerable.Range(1, 20).Select(i => new TaskResources
        {
            ExecutorJobId = $"9_{i}", Chains = 10, MaxRssBytes = i * 100L * 1048576, Elapsed = TimeSpan.FromMinutes(i), TotalCpu = TimeSpan.FromMinutes(i),
        }).ToList();
        var report = ResourceReport.From(tasks);
        Assert.Equal((20, 200), (report.Tasks, report.Chains));
        Assert.Equal((1000.0, 1900.0, 2000.0), (report.MaxRssMegabytes.P50, report.MaxRssMegabytes.P95, report.MaxRssMegabytes.Max));
        Assert.Equal("3G", report.RecommendedMemory);   // 2000 MB x 1.25 = 2.44 GB -> 3G
        Assert.Equal("00:30:00", report.RecommendedTime); // 20 min x 1.5 = 30 min
        Assert.Null(ResourceReport.From([]).RecommendedMemory);
    }
}
