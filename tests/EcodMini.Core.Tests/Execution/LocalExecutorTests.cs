using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tests.Scanning;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Execution;

public class LocalExecutorTests
{
    private static LocalExecutorOptions Options(TempFolder temp, int chunk = 25) =>
        new() { WorkDirectory = temp.File("work"), ThrottleLimit = 2, ChunkSize = chunk };

    [Fact]
    public void RunsEveryTaskOnceAndRecordsItInTheTracker()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 300);
        var fake = new FakePartitioner { FailIds = [tasks[7].ProteinId, tasks[250].ProteinId] };
        var progress = new SynchronousProgress();
        using var db = TrackingTestData.Open(temp.File("t.db"));

        var result = new LocalExecutor(db, Options(temp), fake.Run).Run(tasks.Concat(tasks.Take(10)).ToList(), progress);

        Assert.Equal((300, 300, 298, 2, 0, false), (result.Requested, result.Submitted, result.Completed, result.Failed, result.SkippedCompleted, result.Cancelled));
        Assert.Equal(300, fake.TotalCalls);
        Assert.All(fake.Calls.Values, n => Assert.Equal(1, n));
        Assert.Equal(298, db.CountByStatus()[JobStatus.Completed]);
        Assert.Equal(2, db.GetFailedJobs().Count);
        Assert.Equal(300, result.Jobs.Count);
        var failed = result.Jobs.Single(j => j.ProteinId == tasks[7].ProteinId);
        Assert.Equal((JobStatus.Failed, 1, "no evidence"), (failed.Status, failed.ExitCode, failed.Error));
        var done = result.Jobs[0];
        Assert.Equal((JobStatus.Completed, 2, 0.8, tasks[0].OutputPath), (done.Status, done.DomainCount, done.Coverage, done.OutputPath));
        Assert.NotNull(done.StartTime);
        Assert.NotNull(done.EndTime);
        Assert.Equal(300, progress.Reports.Count);
        Assert.Contains(progress.Reports, p => p.Done == 300 && p.Total == 300);
        Assert.Empty(Directory.GetFiles(result.WorkDirectory, "*.manifest.json*"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(result.WorkDirectory, ResultFileIngestor.IngestedFolder)));
    }

    [Fact]
    public void ResumeAfterACrashRunsOnlyWhatHasNoResult()
    {
        using var temp = new TempFolder();
        var options = Options(temp, chunk: 10);
        var tasks = ExecutionTestData.Tasks(temp.Path, 100);
        // The crashed run: all 100 submitted and running in one chunk, half written to its result file, then a cut-off line.
        using (var db = TrackingTestData.Open(temp.File("t.db")))
        {
            var jobs = db.RecordSubmissions(tasks.Select(t => new JobSubmission(t.ProteinId, t.Pdb, t.Chain, t.BatchName, t.OutputPath)).ToList());
            db.TransitionStatus(jobs.Select(j => j.Id).ToList(), JobStatus.Running, jobId: "crashed-00000");
        }
        Directory.CreateDirectory(options.WorkDirectory);
        var manifest = ExecutionTestData.WriteManifest(options.WorkDirectory, "crashed-00000", tasks);
        using (var writer = new ResultFileWriter(ChunkManifest.ResultsPathFor(manifest)))
            foreach (var t in tasks.Take(50)) writer.Append(TrackingTestData.Result(t.ProteinId, t.BatchName));
        File.AppendAllText(ChunkManifest.ResultsPathFor(manifest), "{\"record_id\":\"x\",\"protein_id\":\"" + tasks[50].ProteinId);

        var fake = new FakePartitioner();
        using (var db = TrackingTestData.Open(temp.File("t.db")))
        {
            var result = new LocalExecutor(db, options, fake.Run).Run(tasks);
            Assert.Equal((50, 1), (result.Recovered.Recorded, result.Recovered.TruncatedLines));
            Assert.Equal((50, 50, 50, 0), (result.SkippedCompleted, result.Submitted, result.Completed, result.Failed));
            Assert.Equal(50, fake.TotalCalls);
            Assert.All(tasks.Skip(50), t => Assert.Equal(1, fake.Calls[$"{t.BatchName}/{t.ProteinId}"]));
            Assert.All(tasks.Take(50), t => Assert.False(fake.Calls.ContainsKey($"{t.BatchName}/{t.ProteinId}")));
            Assert.Equal(100, db.CountByStatus()[JobStatus.Completed]);
            Assert.Equal(0, db.CountByStatus()[JobStatus.Running]);
            Assert.All(tasks, t => Assert.Single(db.GetResults(t.ProteinId)));
            Assert.All(result.Jobs, j => Assert.Equal(0, j.RetryCount));

            var third = new LocalExecutor(db, options, fake.Run).Run(tasks);
            Assert.Equal((100, 0, 0), (third.SkippedCompleted, third.Submitted, third.Recovered.Recorded));
            Assert.Equal(50, fake.TotalCalls);
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

        var first = new LocalExecutor(db, options, fake.Run).Run(tasks, cancellationToken: cts.Token);
        var counts = db.CountByStatus();
        Assert.True(first.Cancelled);
        Assert.Equal(fake.TotalCalls, first.Completed);
        Assert.Equal(200 - first.Completed, first.NotRun);
        Assert.Equal((first.Completed, 200 - first.Completed, 0), (counts[JobStatus.Completed], counts[JobStatus.Pending], counts[JobStatus.Running]));
        Assert.Empty(Directory.GetFiles(options.WorkDirectory, "*.manifest.json*"));

        var second = new LocalExecutor(db, options, fake.Run).Run(tasks);
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
        using var held = new FileStream(Path.Combine(options.WorkDirectory, LocalExecutor.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var error = Assert.Throws<IOException>(() => new LocalExecutor(db, options, new FakePartitioner().Run).Run(ExecutionTestData.Tasks(temp.Path, 3)));
        Assert.Contains("Another executor", error.Message);
        Assert.Empty(db.GetJobs());
    }

    [Fact]
    public void FailedTasksAreRetriedOnTheNextRun()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 10);
        using var db = TrackingTestData.Open(temp.File("t.db"));
        new LocalExecutor(db, Options(temp), new FakePartitioner { FailIds = [tasks[3].ProteinId] }.Run).Run(tasks);
        var retry = new LocalExecutor(db, Options(temp), new FakePartitioner().Run).Run(tasks);
        Assert.Equal((9, 1, 1), (retry.SkippedCompleted, retry.Submitted, retry.Completed));
        var job = retry.Jobs.Single(j => j.ProteinId == tasks[3].ProteinId);
        Assert.Equal((JobStatus.Completed, 1), (job.Status, job.RetryCount));
        Assert.Equal(["pending", "running", "failed", "pending", "running", "completed"], db.GetEvents(tasks[3].ProteinId).Select(e => e.ToStatus));
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
        var result = new LocalExecutor(db, new LocalExecutorOptions { WorkDirectory = temp.File("work"), ThrottleLimit = 2 }, fake.Run).Run(scan.Tasks);
        clock.Stop();
        Assert.Equal(count, result.Completed);
        Assert.Equal(count, db.GetStatistics().Completed);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"{count} chains scan+submit+run+ingest: {clock.Elapsed.TotalSeconds:F1} s (scan {scan.Duration.TotalSeconds:F2} s), peak working set {process.PeakWorkingSet64 / 1048576} MB");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(count / 40.0 + 30), $"took {clock.Elapsed}");
    }
}
