using EcodMini.Core.Algorithm;
using EcodMini.Core.Execution;
using EcodMini.Core.Provenance;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tests.Execution;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Scanning;

public class ChangeDetectionTests
{
    private const string Batch = "ecod_batch_001";
    private static readonly string[] Ids = ["1abc_A", "1abc_B", "2xyz_A", "3def_A", "4ghi_A"];

    private sealed class Finished : IDisposable
    {
        public required TempFolder Temp { get; init; }
        public required BatchFolderBuilder Batches { get; init; }
        public required TrackingDatabase Tracker { get; init; }
        public ScanResult Scan(PartitionOptions? options = null) => new BatchScanner(new ScanOptions
        {
            BatchRoot = Temp.Path, TrackingDatabase = Tracker, SkipExisting = true, PartitionOptions = options ?? new PartitionOptions(),
        }).Scan();
        public ExecutionResult Run(IReadOnlyList<ProteinTask> tasks) =>
            ChunkCoordinatorTests.Run(Tracker, ChunkCoordinatorTests.Options(Temp), new FakePartitioner { WriteOutput = true }, tasks);
        public void Dispose() { Tracker.Dispose(); Temp.Dispose(); }
    }

    /// <summary>A batch whose five chains were found (New), run and completed.</summary>
    private static Finished FinishedBatch()
    {
        var temp = new TempFolder();
        var batches = new BatchFolderBuilder(temp.Path);
        foreach (var id in Ids) batches.Summary(Batch, id);
        batches.Blast(Batch, "1abc_A");
        var finished = new Finished { Temp = temp, Batches = batches, Tracker = TrackingTestData.Open(temp.File("t.db")) };
        var first = finished.Scan();
        Assert.All(first.Tasks, t => Assert.Equal(TaskReason.New, t.Reason));
        Assert.All(first.Tasks, t => Assert.Equal(64, t.Inputs!.SummarySha256.Length));
        Assert.Equal(5, finished.Run(first.Tasks).Completed);
        return finished;
    }

    [Fact]
    public void UnchangedFinishedBatchQueuesNothing()
    {
        using var f = FinishedBatch();
        var again = f.Scan();
        Assert.Empty(again.Tasks);
        Assert.Equal((5, 0), (again.SkippedDone, again.Changed));
    }

    [Fact]
    public void ChangedSummaryQueuesExactlyThatChainAsInputChangedAndItRunsAgain()
    {
        using var f = FinishedBatch();
        File.AppendAllText(Path.Combine(f.Temp.Path, Batch, "domains", "2xyz_A.develop291.domain_summary.xml"), "<!-- re-run of HHsearch -->");

        var scan = f.Scan();

        var task = Assert.Single(scan.Tasks);
        Assert.Equal(("2xyz_A", TaskReason.InputChanged), (task.ProteinId, task.Reason));
        Assert.Equal(1, scan.Changed);
        var rerun = f.Run(scan.Tasks);
        Assert.Equal((1, 1, 0), (rerun.Submitted, rerun.Completed, rerun.SkippedCompleted));
        Assert.Equal(2, rerun.Jobs.Single().AttemptCount);
        Assert.Empty(f.Scan().Tasks);
    }

    [Fact]
    public void ChangedChainBlastFileIsAnInputChange()
    {
        using var f = FinishedBatch();
        File.WriteAllText(Path.Combine(f.Temp.Path, Batch, "blast", "1abc_A.chain.blast.xml"), "<BlastOutput><BlastOutput_iterations/></BlastOutput>");
        var task = Assert.Single(f.Scan().Tasks);
        Assert.Equal(("1abc_A", TaskReason.InputChanged), (task.ProteinId, task.Reason));
    }

    [Fact]
    public void OtherOptionsQueueEveryChainAsOptionsChanged()
    {
        using var f = FinishedBatch();
        var scan = f.Scan(new PartitionOptions { MinDomainSize = 30 });
        Assert.Equal(5, scan.Tasks.Count);
        Assert.All(scan.Tasks, t => Assert.Equal(TaskReason.OptionsChanged, t.Reason));
    }

    [Fact]
    public void AnotherAlgorithmVersionIsVersionChanged()
    {
        using var f = FinishedBatch();
        var job = f.Tracker.GetJobs().Single(j => j.ProteinId == "3def_A");
        var recorded = f.Tracker.GetAttemptInputs(job.CurrentAttemptId!.Value)!;
        f.Tracker.RecordAttemptInputs([(job.CurrentAttemptId.Value, recorded with { AlgorithmVersion = "0.9.0" }, null)]);
        var task = Assert.Single(f.Scan().Tasks);
        Assert.Equal(("3def_A", TaskReason.VersionChanged), (task.ProteinId, task.Reason));
    }

    [Fact]
    public void AFileWhoseStampIsUnchangedIsNotReadAgainButANewInodeIs()
    {
        using var f = FinishedBatch();
        var path = Path.Combine(f.Temp.Path, Batch, "domains", "4ghi_A.develop291.domain_summary.xml");
        var mtime = File.GetLastWriteTimeUtc(path);
        var text = File.ReadAllText(path);
        // Same size, same mtime, same inode: the stamp cache keeps the recorded hash (the content is not read).
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write)) stream.Write("X"u8);
        File.SetLastWriteTimeUtc(path, mtime);
        Assert.Empty(f.Scan().Tasks);
        // The same bytes written to a new file moved into place: another inode, so it is hashed and found changed.
        var replacement = path + ".new";
        File.WriteAllText(replacement, "X" + text[1..]);
        File.SetLastWriteTimeUtc(replacement, mtime);
        File.Move(replacement, path, overwrite: true);
        Assert.Equal(TaskReason.InputChanged, Assert.Single(f.Scan().Tasks).Reason);
    }

    [Fact]
    public void FailedChainsCarryFailedAndMissingOutputsRetry()
    {
        using var f = FinishedBatch();
        File.Delete(Path.Combine(f.Temp.Path, Batch, "mini_domains", "1abc_B.mini.domains.xml"));
        var task = Assert.Single(f.Scan().Tasks);
        Assert.Equal(("1abc_B", TaskReason.Retry), (task.ProteinId, task.Reason));
        var failing = new FakePartitioner { WriteOutput = true, FailIds = ["1abc_B"] };
        using (var launcher = new ThreadLauncher(failing.Run))
            new ChunkCoordinator(f.Tracker, launcher, ChunkCoordinatorTests.Options(f.Temp)).Run([task]);
        var retry = new BatchScanner(new ScanOptions { BatchRoot = f.Temp.Path, TrackingDatabase = f.Tracker, IncludeFailed = true }).Scan();
        Assert.Equal(TaskReason.Failed, Assert.Single(retry.Tasks).Reason);
    }
}
