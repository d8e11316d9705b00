using EcodMini.Core.Slurm;

namespace EcodMini.Core.Tests.Slurm;

/// <summary>sacct, squeue, scontrol and sbatch parsers on outputs recorded from the real cluster.</summary>
public class SlurmOutputParserTests
{
    [Fact]
    public void Sacct_final_output_gives_every_task_with_state_exit_code_and_times()
    {
        var parsed = SacctParser.Parse(SlurmTestData.Read("sacct_final.txt"));
        Assert.Empty(parsed.MalformedLines);
        var byId = parsed.Tasks.ToDictionary(t => t.Task.ToString());
        Assert.Equal(SlurmJobState.Failed, byId["2"].State);
        Assert.Equal(new SlurmExitCode(1, 0), byId["2"].ExitCode);
        Assert.Equal(new SlurmExitCode(0, 9), byId["3"].ExitCode);
        Assert.Equal(SlurmJobState.Timeout, byId["4"].State);
        Assert.Equal(TimeSpan.FromSeconds(62), byId["4"].Elapsed);
        Assert.Equal(SlurmJobState.Cancelled, byId["5"].State);
        Assert.Equal("CANCELLED by 0", byId["5"].StateText);
        Assert.Equal(SlurmJobState.Completed, byId["1_9"].State);
        Assert.Equal(new SlurmExitCode(0, 0), byId["1_9"].ExitCode);
        Assert.Equal(new DateTimeOffset(new DateTime(2026, 11, 30, 23, 36, 29, DateTimeKind.Local)), byId["1_9"].Start);
        Assert.Equal(10, parsed.Tasks.Count(t => t.Task.JobId == "1"));
    }

    [Fact]
    public void Sacct_pending_array_line_expands_to_one_pending_task_per_index()
    {
        var parsed = SacctParser.Parse(SlurmTestData.Read("sacct_array_running.txt"));
        var pending = parsed.Tasks.Where(t => t.Task.JobId == "16").ToList();
        Assert.Equal(Enumerable.Range(0, 10), pending.Select(t => t.Task.ArrayIndex!.Value));
        Assert.All(pending, t => Assert.Equal(SlurmJobState.Pending, t.State));
        var running = parsed.Tasks.Single(t => t.Task.JobId == "4");
        Assert.Equal(SlurmJobState.Running, running.State);
        Assert.Null(running.End);
    }

    [Fact]
    public void Sacct_skips_steps_and_reports_malformed_lines()
    {
        var parsed = SacctParser.Parse("7|7|COMPLETED|0:0|Unknown|Unknown|00:00:01|\n7.batch|7.batch|COMPLETED|0:0|||00:00:01|1200K\nnot a line\n9|9_x|RUNNING|0:0||||\n");
        Assert.Single(parsed.Tasks);
        Assert.Equal(["not a line", "9|9_x|RUNNING|0:0||||"], parsed.MalformedLines);
    }

    [Fact]
    public void Sacct_line_with_too_many_fields_is_malformed_and_pending_array_expands_with_its_fields()
    {
        var parsed = SacctParser.Parse("7|7|COMPLETED|0:0|||00:00:01|2M|extra\n16|16_[0-2%2]|PENDING|0:0|Unknown|Unknown|00:00:00|\n");
        Assert.Equal(["7|7|COMPLETED|0:0|||00:00:01|2M|extra"], parsed.MalformedLines);
        Assert.Equal([new SlurmTaskId("16", 0), new SlurmTaskId("16", 1), new SlurmTaskId("16", 2)], parsed.Tasks.Select(t => t.Task));
        Assert.All(parsed.Tasks, t => Assert.Equal((SlurmJobState.Pending, "PENDING", TimeSpan.Zero), (t.State, t.StateText, t.Elapsed)));
    }

    [Fact]
    public void Squeue_reason_may_contain_the_separator_and_short_lines_are_malformed()
    {
        var parsed = SqueueParser.Parse("5|5|PENDING|held | by admin\n6|6|RUNNING\n");
        Assert.Equal("held | by admin", Assert.Single(parsed.Tasks).Reason);
        Assert.Equal(["6|6|RUNNING"], parsed.MalformedLines);
    }

    [Fact]
    public void Sacct_reads_max_rss_in_kilobytes()
    {
        var parsed = SacctParser.Parse("7|7|COMPLETED|0:0|||00:00:01|2M\n8|8|OUT_OF_MEMORY|0:125|||1-02:00:00|1200K\n");
        Assert.Equal(2048, parsed.Tasks[0].MaxRssKilobytes);
        Assert.Equal(1200, parsed.Tasks[1].MaxRssKilobytes);
        Assert.Equal(SlurmJobState.OutOfMemory, parsed.Tasks[1].State);
        Assert.Equal(TimeSpan.FromHours(26), parsed.Tasks[1].Elapsed);
    }

    [Fact]
    public void Squeue_gives_expanded_array_tasks_with_reasons()
    {
        var parsed = SqueueParser.Parse(SlurmTestData.Read("squeue_array_running.txt"));
        Assert.Empty(parsed.MalformedLines);
        Assert.Equal(11, parsed.Tasks.Count);
        Assert.Equal(SlurmJobState.Running, parsed.Tasks.Single(t => t.Task == new SlurmTaskId("16", 0)).State);
        Assert.Equal("Resources", parsed.Tasks.Single(t => t.Task == new SlurmTaskId("16", 9)).Reason);
    }

    [Fact]
    public void Squeue_compact_array_lines_expand()
    {
        var parsed = SqueueParser.Parse("1_[2-9%2]|1|PENDING|JobArrayTaskLimit\n4|4|PENDING|Nodes required for job are DOWN, DRAINED or reserved\n");
        Assert.Equal(9, parsed.Tasks.Count);
        Assert.Contains("DRAINED", parsed.Tasks[^1].Reason);
    }

    [Fact]
    public void Scontrol_show_job_reads_array_remainders_and_running_tasks()
    {
        var parsed = ScontrolParser.ParseJobs(SlurmTestData.Read("scontrol_job_array_running.txt"));
        Assert.Empty(parsed.MalformedLines);
        Assert.Equal(10, parsed.Tasks.Count);
        Assert.Equal(SlurmJobState.Running, parsed.Tasks.Single(t => t.Task.ArrayIndex == 0).State);
        Assert.All(parsed.Tasks.Where(t => t.Task.ArrayIndex > 0), t => Assert.Equal(SlurmJobState.Pending, t.State));
        Assert.All(parsed.Tasks, t => Assert.Equal("16", t.Task.JobId));
    }

    [Theory]
    [InlineData("scontrol_job_timeout.txt", "4", SlurmJobState.Timeout, 0, 15)]
    [InlineData("scontrol_job_cancelled.txt", "5", SlurmJobState.Cancelled, 0, 15)]
    [InlineData("scontrol_job_failed.txt", "2", SlurmJobState.Failed, 1, 0)]
    [InlineData("scontrol_job_running.txt", "4", SlurmJobState.Running, 0, 0)]
    [InlineData("scontrol_job_array_pending.txt", "16", SlurmJobState.Pending, 0, 0)]
    public void Scontrol_show_job_reads_state_and_exit_code(string file, string jobId, SlurmJobState state, int code, int signal)
    {
        var parsed = ScontrolParser.ParseJobs(SlurmTestData.Read(file));
        Assert.NotEmpty(parsed.Tasks);
        Assert.All(parsed.Tasks, t =>
        {
            Assert.Equal(jobId, t.Task.JobId);
            Assert.Equal(state, t.State);
            Assert.Equal(new SlurmExitCode(code, signal), t.ExitCode);
        });
    }

    [Fact]
    public void Scontrol_show_config_gives_max_array_size()
    {
        Assert.Equal(101, ScontrolParser.MaxArraySize(SlurmTestData.Read("scontrol_config.txt")));
        Assert.Null(ScontrolParser.MaxArraySize("ClusterName = local\n"));
    }

    [Fact]
    public void Sbatch_parsable_gives_the_job_id_with_or_without_cluster()
    {
        Assert.Equal("1", SbatchParser.ParseJobId(SlurmTestData.Read("sbatch_parsable.txt"), ""));
        Assert.Equal("4242", SbatchParser.ParseJobId("4242;cluster2\n", ""));
    }

    [Theory]
    [InlineData("Submitted batch job 6\n")]
    [InlineData("")]
    [InlineData("12\n13\n")]
    [InlineData("abc;x")]
    public void Sbatch_output_other_than_an_id_throws_with_both_streams(string stdout)
    {
        var ex = Assert.Throws<FormatException>(() => SbatchParser.ParseJobId(stdout, "warning: something"));
        Assert.Contains("warning: something", ex.Message);
    }
}
