using EcodMini.Core.Slurm;

namespace EcodMini.Core.Tests.Slurm;

public class SlurmJobIdParserTests
{
    [Fact]
    public void A_plain_job_is_one_task_without_index()
    {
        Assert.Equal([new SlurmTaskId("123", null)], SlurmJobIdParser.Expand("123"));
    }

    [Fact]
    public void An_array_task_keeps_its_array_job_and_index()
    {
        Assert.Equal([new SlurmTaskId("123", 4)], SlurmJobIdParser.Expand("123_4"));
    }

    [Fact]
    public void A_pending_array_range_expands_and_drops_the_throttle()
    {
        var tasks = SlurmJobIdParser.Expand("123_[5-9%2]");
        Assert.Equal([5, 6, 7, 8, 9], tasks.Select(t => t.ArrayIndex!.Value));
        Assert.All(tasks, t => Assert.Equal("123", t.JobId));
    }

    [Fact]
    public void Lists_and_steps_expand()
    {
        Assert.Equal([1, 3, 4, 5], SlurmJobIdParser.Expand("7_[1,3-5]").Select(t => t.ArrayIndex!.Value));
        Assert.Equal([0, 4, 8], SlurmJobIdParser.Expand("7_[0-8:4]").Select(t => t.ArrayIndex!.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("123_")]
    [InlineData("123_[5-9")]
    [InlineData("123_[9-5]")]
    [InlineData("12;3")]
    [InlineData("123_x")]
    public void Anything_else_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => SlurmJobIdParser.Expand(text));
    }

    [Fact]
    public void Task_ids_print_as_slurm_writes_them()
    {
        Assert.Equal("5_3", new SlurmTaskId("5", 3).ToString());
        Assert.Equal("5", new SlurmTaskId("5", null).ToString());
    }
}
