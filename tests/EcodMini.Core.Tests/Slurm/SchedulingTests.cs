using EcodMini.Core.Slurm;

namespace EcodMini.Core.Tests.Slurm;

public class SchedulingTests
{
    [Fact]
    public void Poll_interval_doubles_while_idle_up_to_the_cap_and_resets_on_progress()
    {
        var schedule = new PollSchedule(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(180));
        var waits = Enumerable.Range(0, 6).Select(_ => schedule.Next(progressed: false).TotalSeconds).ToList();
        Assert.Equal([20, 40, 80, 160, 180, 180], waits);
        Assert.Equal(TimeSpan.FromSeconds(10), schedule.Next(progressed: true));
    }

    [Fact]
    public void A_fixed_poll_interval_never_changes()
    {
        var schedule = PollSchedule.Fixed(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), schedule.Next(false));
        Assert.Equal(TimeSpan.FromSeconds(2), schedule.Next(true));
    }

    [Fact]
    public void Backoff_delays_stay_within_half_and_all_of_the_capped_exponential()
    {
        var backoff = new JitteredBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), new Random(7));
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var ceiling = Math.Min(8, Math.Pow(2, attempt));
            var delays = Enumerable.Range(0, 50).Select(_ => backoff.Delay(attempt).TotalSeconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, ceiling / 2, ceiling));
            Assert.True(delays.Distinct().Count() > 1, "no jitter");
        }
    }

    [Theory]
    [InlineData(400, 101, new[] { 100, 100, 100, 100 })]
    [InlineData(101, 101, new[] { 101 })]
    [InlineData(102, 101, new[] { 51, 51 })]
    [InlineData(5, 1001, new[] { 5 })]
    [InlineData(7, 3, new[] { 3, 2, 2 })]
    public void Arrays_are_split_to_fit_max_array_size(int chunks, int maxArraySize, int[] sizes)
    {
        var plan = ArraySplitPlanner.Plan(chunks, maxArraySize);
        Assert.Equal(sizes, plan.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(0, plan.Count), plan.Select(p => p.Number));
        var offset = 0;
        foreach (var part in plan) { Assert.Equal(offset, part.Offset); offset += part.Count; }
        Assert.Equal(chunks, offset);
    }

    [Fact]
    public void No_chunks_plan_no_arrays() => Assert.Empty(ArraySplitPlanner.Plan(0, 101));

    [Theory]
    [InlineData("1:00:00", 2.0, "2:00:00")]
    [InlineData("30", 1.5, "0:45:00")]
    [InlineData("1-00:00:00", 2.0, "2-0:00:00")]
    [InlineData("1:00", 2.0, "0:02:00")]
    [InlineData("0:01", 2.0, "0:01:00")]
    [InlineData("UNLIMITED", 2.0, "UNLIMITED")]
    [InlineData("2:00:00", 0.5, "2:00:00")]
    public void Time_limits_are_raised_by_the_factor(string time, double factor, string expected)
    {
        Assert.Equal(expected, SlurmResourceScaler.ScaleTime(time, factor));
    }

    [Theory]
    [InlineData("4G", 1.5, "6144M")]
    [InlineData("500M", 2.0, "1000M")]
    [InlineData("1000", 2.0, "2000M")]
    public void Memory_is_raised_by_the_factor(string memory, double factor, string expected)
    {
        Assert.Equal(expected, SlurmResourceScaler.ScaleMemory(memory, factor));
    }
}
