using EcodMini.Core.Execution;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Execution;

/// <summary>What a run leaves behind: completed chunks' files deleted, failed chunks' files kept, and a run log in the log folder.</summary>
public class RunCleanupAndLogTests
{
    private static string[] WorkFiles(string work) =>
        Directory.Exists(work) ? Directory.GetFiles(work, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(ChunkCoordinator.LockFileName)).ToArray() : [];

    [Fact]
    public void AFinishedCleanRunLeavesNoChunkFilesAndWritesItsLog()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 60);
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var options = ChunkCoordinatorTests.Options(temp, chunk: 10) with { LogDirectory = temp.File("logs") };

        var result = ChunkCoordinatorTests.Run(db, options, new FakePartitioner(), tasks);

        Assert.Equal(60, result.Completed);
        Assert.Empty(WorkFiles(options.WorkDirectory));
        Assert.Equal(Path.Combine(temp.File("logs"), result.RunId + ".log"), result.LogPath);
        var log = File.ReadAllLines(result.LogPath!);
        Assert.Contains(log, l => l.Contains($"run {result.RunId} on local") && l.Contains("60 chain(s) given"));
        Assert.Contains(log, l => l.Contains("60 queued"));
        Assert.True(log.Count(l => l.Contains("launched as local job")) >= 6);
        Assert.Contains(log, l => l.Contains("ended finished") && l.Contains("files were deleted"));
        Assert.Contains(log, l => l.Contains($"run {result.RunId} ended") && l.Contains("60 completed, 0 failed"));
        Assert.All(log, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ", l));
    }

    [Fact]
    public void AChunkWithAFailureIsKeptAndTheLogNamesTheFailedChain()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 30);
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var options = ChunkCoordinatorTests.Options(temp, chunk: 10) with { LogDirectory = temp.File("logs"), ShrinkChunksForSmallRuns = false };

        var result = ChunkCoordinatorTests.Run(db, options, new FakePartitioner { FailIds = [tasks[12].ProteinId] }, tasks);

        Assert.Equal((29, 1), (result.Completed, result.Failed));
        var kept = WorkFiles(options.WorkDirectory);
        Assert.Equal(2, kept.Length);
        Assert.All(kept, f => Assert.Equal(ResultFileIngestor.IngestedFolder, Path.GetFileName(Path.GetDirectoryName(f))));
        Assert.Contains(kept, f => File.ReadAllText(f).Contains(tasks[12].ProteinId));
        var log = File.ReadAllText(result.LogPath!);
        Assert.Contains($"failed {tasks[12].ProteinId} ({tasks[12].BatchName}), attempt 1: no evidence", log);
        Assert.Contains("files are kept in ingested/", log);

        // The failed chain reruns from the tracker alone (what Restart-EcodJob does); the rerun's clean chunk is deleted.
        var retry = ChunkCoordinatorTests.Run(db, options with { Submission = options.Submission with { Force = true } }, new FakePartitioner(), [tasks[12]]);
        Assert.Equal(1, retry.Completed);
        Assert.Equal(2, WorkFiles(options.WorkDirectory).Length);
        Assert.Equal(JobStatus.Completed, db.GetJobs().Single(j => j.ProteinId == tasks[12].ProteinId).Status);
    }

    [Fact]
    public void KeepWorkFilesKeepsEveryChunkAndNoLogFolderMeansNoLog()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 20);
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var options = ChunkCoordinatorTests.Options(temp, chunk: 10) with { KeepWorkFiles = true, ShrinkChunksForSmallRuns = false };

        var result = ChunkCoordinatorTests.Run(db, options, new FakePartitioner(), tasks);

        Assert.Equal(4, WorkFiles(options.WorkDirectory).Length);
        Assert.Null(result.LogPath);
    }

    [Fact]
    public void AnUnwritableLogFolderStopsThePreflight()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("logs"), "a file, not a folder");
        var options = ChunkCoordinatorTests.Options(temp) with { LogDirectory = temp.File("logs/run") };
        var error = Assert.Throws<ExecutionPreflightException>(() => ExecutionPreflight.EnsureWritable(options.LogDirectory!, PreflightProblem.LogDirectory, "log folder"));
        Assert.Equal(PreflightProblem.LogDirectory, error.Problem);
        Assert.Contains(temp.File("logs/run"), error.Message);
    }

    [Fact]
    public void AChunkOfAnEarlierRunIsNotedInThatRunsLogWhenALaterRunCollectsIt()
    {
        using var temp = new TempFolder();
        var options = ChunkCoordinatorTests.Options(temp) with { LogDirectory = temp.File("logs") };
        var tasks = ExecutionTestData.Tasks(temp.Path, 10);
        Directory.CreateDirectory(options.WorkDirectory);
        var manifest = Path.Combine(options.WorkDirectory, "20260101T000000-deadbeef-00000" + ChunkCoordinator.ManifestSuffix);
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var attempts = TrackingTestData.StartCrashedRun(db, tasks, "20260101T000000-deadbeef", ChunkManifest.ResultsPathFor(manifest));
        using (var writer = new ResultFileWriter(ChunkManifest.ResultsPathFor(manifest)))
            foreach (var a in attempts.Take(4)) writer.Append(TrackingTestData.Result(a.ProteinId, a.BatchName) with { AttemptId = a.AttemptId });

        var result = ChunkCoordinatorTests.Run(db, options, new FakePartitioner(), tasks);

        var earlier = File.ReadAllText(Path.Combine(temp.File("logs"), "20260101T000000-deadbeef.log"));
        Assert.Contains("chunk 20260101T000000-deadbeef-00000 ended lost", earlier);
        Assert.Contains("4 completed, 0 failed, 0 timed out, 6 requeued", earlier);
        Assert.Equal(6, result.Completed);
        Assert.DoesNotContain("deadbeef-00000 ended", File.ReadAllText(result.LogPath!));
    }
}
