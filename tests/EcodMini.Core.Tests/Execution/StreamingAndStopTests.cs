using EcodMini.Core.Execution;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Execution;

/// <summary>Issue 19 item 5: a local run hands on each chain as soon as it is recorded; a stopped run says where it stands.</summary>
public class StreamingAndStopTests
{
    [Fact]
    public void ALocalRunHandsOnEachChainOnceWhileItsChunkStillRuns()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var tasks = ExecutionTestData.Tasks(temp.Path, 40);
        var handed = new List<(JobRecord Job, int CallsSoFar)>();
        FakePartitioner? fake = null;
        fake = new FakePartitioner { FailIds = [tasks[3].ProteinId], OnCall = _ => Thread.Sleep(30) };
        var options = ChunkCoordinatorTests.Options(temp, chunk: 40) with { ThrottleLimit = 1, PollInterval = TimeSpan.FromMilliseconds(20) };
        using var launcher = new ThreadLauncher(fake.Run);
        var coordinator = new ChunkCoordinator(db, launcher, options) { JobRecorded = job => handed.Add((job, fake.TotalCalls)) };

        var result = coordinator.Run(tasks);

        Assert.Equal(40, handed.Count);
        Assert.Equal(40, handed.Select(h => h.Job.Id).Distinct().Count());
        Assert.True(handed[0].CallsSoFar < 40, $"the first chain was handed on only after {handed[0].CallsSoFar} of 40 chains ran");
        Assert.Equal(JobStatus.Failed, handed.Single(h => h.Job.ProteinId == tasks[3].ProteinId).Job.Status);
        Assert.Equal((39, 1), (result.Completed, result.Failed));
        // The chunk had a failure: its files are kept for diagnosis even though its records were ingested while it ran.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(result.WorkDirectory, ResultFileIngestor.IngestedFolder)));
    }

    [Fact]
    public void AStoppedRunSaysWhatIsDoneAndHowToGoOn()
    {
        var jobs = new List<JobRecord>
        {
            Job("1abc_A", JobStatus.Completed, "thread-1"), Job("1abc_B", JobStatus.Completed, "thread-1"),
            Job("1abc_C", JobStatus.Pending, null), Job("1abc_D", JobStatus.Failed, "thread-1"),
        };
        var local = new ExecutionResult { Jobs = jobs, RunId = "r", WorkDirectory = "/w" };
        Assert.Equal("Stopped: 2 completed, 1 pending; run the same command again to resume", RunStopMessage.Describe(local, cluster: false));

        var submitted = new ExecutionResult
        {
            Jobs = [Job("1abc_A", JobStatus.Submitted, "4711_0"), Job("1abc_B", JobStatus.Submitted, "4711_1"), Job("1abc_C", JobStatus.Pending, null)],
            RunId = "r", WorkDirectory = "/w",
        };
        var text = RunStopMessage.Describe(submitted, cluster: true);
        Assert.StartsWith("Stopped: 2 chain(s) were submitted to SLURM as job(s) 4711 and keep running", text);
        Assert.EndsWith("1 pending; run the same command again to submit those", text);
        Assert.Contains("run the same command again", RunStopMessage.Describe(null, cluster: false));
    }

    private static JobRecord Job(string id, string status, string? jobId) => new() { ProteinId = id, BatchName = "b", Status = status, JobId = jobId };
}
