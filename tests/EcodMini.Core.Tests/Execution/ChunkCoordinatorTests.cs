using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tests.Scanning;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Execution;

public class ChunkCoordinatorTests
{
    internal static ExecutionOptions Options(TempFolder temp, int chunk = 25) =>
        new() { WorkDirectory = temp.File("work"), ThrottleLimit = 2, ChunkSize = chunk, PollInterval = TimeSpan.FromMilliseconds(50) };

    internal static ExecutionResult Run(TrackingDatabase db, ExecutionOptions options, FakePartitioner fake, IReadOnlyList<ProteinTask> tasks,
        IProgress<ExecutionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var launcher = new ThreadLauncher(fake.Run);
        return new ChunkCoordinator(db, launcher, options).Run(tasks, progress, cancellationToken);
    }

    [Fact]
    public void RunsEveryTaskOnceAndRecordsItInTheTracker()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 300);
        var fake = new FakePartitioner { FailIds = [tasks[7].ProteinId, tasks[250].ProteinId] };
        var progress = new SynchronousProgress();
        using var db = TrackingTestData.Open(temp.File("t.db"));

        var result = Run(db, Options(temp), fake, tasks.Concat(tasks.Take(10)).ToList(), progress);

        Assert.Equal((300, 300, 298, 2, 0, false), (result.Requested, result.Submitted, result.Completed, result.Failed, result.SkippedCompleted, result.Cancelled));
        Assert.Equal(300, fake.TotalCalls);
        Assert.All(fake.Calls.Values, n => Assert.Equal(1, n));
        Assert.Equal(298, db.CountByStatus()[JobStatus.Completed]);
        Assert.Equal(2, db.GetFailedJobs().Count);
        var failed = result.Jobs.Single(j => j.ProteinId == tasks[7].ProteinId);
        Assert.Equal((JobStatus.Failed, 1, "no evidence"), (failed.Status, failed.ExitCode, failed.Error));
        var done = result.Jobs[0];
        Assert.Equal((JobStatus.Completed, 2, 0.8, tasks[0].OutputPath, 1), (done.Status, done.DomainCount, done.Coverage, done.OutputPath, done.AttemptCount));
        Assert.StartsWith("thread-", done.JobId);
        Assert.Equal(tasks[0].SummaryPath, done.SummaryPath);
        Assert.Contains(progress.Reports, p => p.Done == 300 && p.Total == 300);
        Assert.Empty(Directory.GetFiles(result.WorkDirectory, "*.manifest.json*"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(result.WorkDirectory, ResultFileIngestor.IngestedFolder)));
        Assert.Null(db.GetLease());
        var events = db.GetEvents(tasks[0].ProteinId);
        Assert.All(events.Skip(1), e => Assert.Equal(done.CurrentAttemptId, e.AttemptId));
    }

    [Fact]
    public void ResumeAfterACrashRunsOnlyWhatHasNoResult()
    {
        using var temp = new TempFolder();
        var options = Options(temp, chunk: 10);
        var tasks = ExecutionTestData.Tasks(temp.Path, 100);
        Directory.CreateDirectory(options.WorkDirectory);
        // The crashed run: its lease (a process that is gone), all 100 chains in one running chunk, half of them written
        // to its result file, then a cut-off line.
        var manifest = Path.Combine(options.WorkDirectory, "crashed-00000" + ChunkCoordinator.ManifestSuffix);
        using (var db = TrackingTestData.Open(temp.File("t.db")))
        {
            var attempts = TrackingTestData.StartCrashedRun(db, tasks, "crashed", ChunkManifest.ResultsPathFor(manifest));
            using var writer = new ResultFileWriter(ChunkManifest.ResultsPathFor(manifest));
            foreach (var a in attempts.Take(50)) writer.Append(TrackingTestData.Result(a.ProteinId, a.BatchName) with { AttemptId = a.AttemptId });
        }
        File.AppendAllText(ChunkManifest.ResultsPathFor(manifest), "{\"record_id\":\"x\",\"protein_id\":\"" + tasks[50].ProteinId);

        var fake = new FakePartitioner();
        using (var db = TrackingTestData.Open(temp.File("t.db")))
        {
            var result = Run(db, options, fake, tasks);
            Assert.Equal("crashed", result.TookOverFrom?.RunId);
            Assert.Equal((50, 1), (result.Recovered.Recorded, result.Recovered.TruncatedLines));
            Assert.Contains(result.ResultFileIssues, i => i.Contains("cut off") && i.Contains("crashed-00000"));
            Assert.Equal((50, 50, 50, 0), (result.SkippedCompleted, result.Submitted, result.Completed, result.Failed));
            Assert.Equal(50, fake.TotalCalls);
            Assert.All(tasks.Skip(50), t => Assert.Equal(1, fake.Calls[$"{t.BatchName}/{t.ProteinId}"]));
            Assert.Equal(100, db.CountByStatus()[JobStatus.Completed]);
            Assert.Equal(0, db.CountByStatus()[JobStatus.Running]);
            Assert.Empty(db.GetOpenAttempts());
            Assert.All(tasks, t => Assert.Single(db.GetResults(t.ProteinId), r => r.IsCurrent));
            Assert.All(result.Jobs, j => Assert.Equal(0, j.RetryCount));
            Assert.Contains(db.GetEvents(tasks[70].ProteinId), e => e.Detail?.Contains("left no result") == true);

            var third = Run(db, options, fake, tasks);
            Assert.Equal((100, 0, 0), (third.SkippedCompleted, third.Submitted, third.Recovered.Recorded));
            Assert.Equal(50, fake.TotalCalls);
        }
    }

    [Fact]
    public void AttemptsARunRecordedButNeverLaunchedAreSettledAsNotLaunchedNotLostAndRunOnce()
    {
        using var temp = new TempFolder();
        var options = Options(temp, chunk: 10);
        var tasks = ExecutionTestData.Tasks(temp.Path, 30);
        Directory.CreateDirectory(options.WorkDirectory);
        // A head node killed between recording a chunk's attempts and handing the chunk to its executor.
        var manifest = Path.Combine(options.WorkDirectory, "killed-00000" + ChunkCoordinator.ManifestSuffix);
        using (var db = TrackingTestData.Open(temp.File("t.db")))
            TrackingTestData.StartCrashedRun(db, tasks, "killed", ChunkManifest.ResultsPathFor(manifest), launched: false);

        var fake = new FakePartitioner();
        using (var db = TrackingTestData.Open(temp.File("t.db")))
        {
            var result = Run(db, options, fake, tasks);
            Assert.Equal((30, 30, 0), (result.Completed, fake.TotalCalls, result.Failed));
            Assert.All(fake.Calls.Values, n => Assert.Equal(1, n));
            var job = db.GetJob(tasks[3].ProteinId, tasks[3].BatchName)!;
            var attempts = db.GetAttempts(job.Id);
            Assert.Equal([AttemptStatus.NotLaunched, AttemptStatus.Completed], attempts.Select(a => a.Status));
            Assert.Contains("never launched", attempts[0].Detail);
            Assert.All(result.Jobs, j => Assert.Equal(0, j.RetryCount));
        }
    }

    [Fact]
    public void CancellationLeavesTheTrackerConsistentAndARerunFinishesTheRest()
    {
        using var temp = new TempFolder();
        var options = Options(temp, chunk: 10);
        var tasks = ExecutionTestData.Tasks(temp.Path, 200);
        using var cts = new CancellationTokenSource();
        var fake = new FakePartitioner { OnCall = n => { if (n == 30) cts.Cancel(); } };
        using var db = TrackingTestData.Open(temp.File("t.db"));

        var first = Run(db, options, fake, tasks, cancellationToken: cts.Token);
        var counts = db.CountByStatus();
        Assert.True(first.Cancelled);
        Assert.Equal(fake.TotalCalls, first.Completed);
        Assert.Equal(200 - first.Completed, first.NotRun);
        Assert.Equal((first.Completed, 200 - first.Completed, 0), (counts[JobStatus.Completed], counts[JobStatus.Pending], counts[JobStatus.Running]));
        Assert.Empty(Directory.GetFiles(options.WorkDirectory, "*.manifest.json*"));
        Assert.Null(db.GetLease());

        var second = Run(db, options, fake, tasks);
        Assert.Equal((first.Completed, 200 - first.Completed), (second.SkippedCompleted, second.Completed));
        Assert.Equal(200, fake.TotalCalls);
        Assert.All(fake.Calls.Values, n => Assert.Equal(1, n));
        Assert.Equal(200, db.CountByStatus()[JobStatus.Completed]);
    }

    [Fact]
    public void TwoExecutorsCannotShareAWorkDirectory()
    {
        using var temp = new TempFolder();
        var options = Options(temp);
        Directory.CreateDirectory(options.WorkDirectory);
        using var held = new FileStream(Path.Combine(options.WorkDirectory, ChunkCoordinator.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var error = Assert.Throws<WorkDirectoryInUseException>(() => Run(db, options, new FakePartitioner(), ExecutionTestData.Tasks(temp.Path, 3)));
        Assert.Contains("another executor", error.Message);
        Assert.Empty(db.GetJobs());
        Assert.Null(db.GetLease());
    }

    [Fact]
    public void FailedTasksAreRetriedOnTheNextRunWithANewAttempt()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 10);
        using var db = TrackingTestData.Open(temp.File("t.db"));
        Run(db, Options(temp), new FakePartitioner { FailIds = [tasks[3].ProteinId] }, tasks);
        var retry = Run(db, Options(temp), new FakePartitioner(), tasks);
        Assert.Equal((9, 1, 1), (retry.SkippedCompleted, retry.Submitted, retry.Completed));
        var job = retry.Jobs.Single(j => j.ProteinId == tasks[3].ProteinId);
        Assert.Equal((JobStatus.Completed, 1, 2), (job.Status, job.RetryCount, job.AttemptCount));
        Assert.Equal(["pending", "running", "failed", "pending", "running", "completed"], db.GetEvents(tasks[3].ProteinId).Select(e => e.ToStatus));
        var results = db.GetResults(tasks[3].ProteinId);
        Assert.Equal([(1, false), (2, true)], results.Select(r => (r.AttemptNumber ?? 0, r.IsCurrent)));
    }

    [Fact]
    public void ThroughputOfScanSubmitRunIngest()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("ECOD_MINI_PERF_CHAINS"), out var n) ? n : 4000;
        using var temp = new TempFolder();
        var builder = new BatchFolderBuilder(temp.Path);
        for (var i = 0; i < count; i++) builder.Summary($"ecod_batch_{i / 2000:D3}", $"{i / 100 + 1000}_{i % 100}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var scan = new BatchScanner(new ScanOptions { BatchRoot = temp.Path, TrackingDatabase = db }).Scan();
        var fake = new FakePartitioner { WriteOutput = true };
        var result = Run(db, new ExecutionOptions { WorkDirectory = temp.File("work"), ThrottleLimit = 2 }, fake, scan.Tasks);
        clock.Stop();
        Assert.Equal(count, result.Completed);
        Assert.Equal(count, db.GetStatistics().Completed);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"{count} chains scan+submit+run+ingest: {clock.Elapsed.TotalSeconds:F1} s (scan {scan.Duration.TotalSeconds:F2} s), peak working set {process.PeakWorkingSet64 / 1048576} MB");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(count / 40.0 + 30), $"took {clock.Elapsed}");
    }
}
