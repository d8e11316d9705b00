using EcodMini.Core.Execution;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Pipeline;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tests.Inputs;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Execution;

/// <summary>Issue 19 item 4: permanent failures fail at once; transient ones are retried by the policy.</summary>
public class ErrorClassTests
{
    private static readonly ReferenceData Ref = ReferenceData.Load(EngineTestData.ReferenceDir);
    private static readonly RetryPolicy TwoRetries = new() { MaxRetries = 2 };

    private static ExecutionResult RunReal(TrackingDatabase db, TempFolder temp, IReadOnlyList<ProteinTask> tasks, bool force = false)
    {
        var options = ChunkCoordinatorTests.Options(temp) with { Submission = new SubmissionRules { Retry = TwoRetries, Force = force } };
        using var launcher = ThreadLauncher.ForPartitioning(Ref, new EcodMini.Core.Algorithm.PartitionOptions(), OutputFormat.V1);
        return new ChunkCoordinator(db, launcher, options).Run(tasks);
    }

    private static ProteinTask Task(TempFolder temp, string id, string summaryContent)
    {
        var dir = Path.Combine(temp.Path, "ecod_batch_001");
        var summary = Path.Combine(dir, "domains", $"{id}.develop291.domain_summary.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(summary)!);
        File.WriteAllText(summary, summaryContent);
        return new ProteinTask
        {
            ProteinId = id, Pdb = id[..4], Chain = id[5..], BatchName = "ecod_batch_001", BatchDirectory = dir, SummaryPath = summary,
            OutputPath = Path.Combine(dir, "mini_domains", $"{id}.mini.domains.xml"),
        };
    }

    [Fact]
    public void AMalformedSummaryUnderMaxRetriesTwoGetsExactlyOneAttempt()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var tasks = new[] { Task(temp, "8ovp_A", "<domain_summary version=\"1.0\"><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"100\"><seq") };

        var first = RunReal(db, temp, tasks);
        var job = Assert.Single(first.Jobs);
        Assert.Equal((JobStatus.Failed, ErrorClass.Permanent, 1), (job.Status, job.ErrorClass, job.AttemptCount));
        Assert.Contains("malformed XML", job.Error);

        for (var run = 0; run < 3; run++)
        {
            var again = RunReal(db, temp, tasks);
            Assert.Equal((0, 1), (again.Submitted, again.FailedPermanently));
        }
        var stored = db.GetJob("8ovp_A", "ecod_batch_001")!;
        Assert.Equal((1, 0, ErrorClass.Permanent), (stored.AttemptCount, stored.RetryCount, stored.ErrorClass));

        // The scanner (Find-EcodProtein -IncludeFailed) agrees: not queued, counted as permanent.
        var scan = new BatchScanner(new ScanOptions { BatchRoot = temp.Path, TrackingDatabase = db, IncludeFailed = true, Retry = TwoRetries }).Scan();
        Assert.Empty(scan.Tasks);
        Assert.Equal((1, 0), (scan.FailedPermanently, scan.RetriesExhausted));

        // Forced (after the input was fixed), it runs again.
        var forced = RunReal(db, temp, tasks, force: true);
        Assert.Equal(1, forced.Submitted);
        Assert.Equal(2, db.GetJob("8ovp_A", "ecod_batch_001")!.AttemptCount);
    }

    [Fact]
    public void APermanentFailureRunsAgainOnceItsInputIsRepaired()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var tasks = new[] { Task(temp, "8ovp_A", "<domain_summary version=\"1.0\"><protein") };
        RunReal(db, temp, tasks);
        File.SetLastWriteTimeUtc(tasks[0].SummaryPath, DateTime.UtcNow.AddMinutes(-5)); // written well before the failure
        Assert.Equal(0, RunReal(db, temp, tasks).Submitted);

        File.Copy(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"), tasks[0].SummaryPath, overwrite: true);
        File.SetLastWriteTimeUtc(tasks[0].SummaryPath, DateTime.UtcNow.AddSeconds(1));
        var repaired = RunReal(db, temp, tasks);
        Assert.Equal((1, 1), (repaired.Submitted, repaired.Completed));
        var job = db.GetJob("8ovp_A", "ecod_batch_001")!;
        Assert.Equal((JobStatus.Completed, 2, 1), (job.Status, job.AttemptCount, job.RetryCount));
        Assert.Null(job.ErrorClass);
    }

    [Fact]
    public void AMissingSummaryIsPermanentAndAnOutputWriteErrorIsTransient()
    {
        using var temp = new TempFolder();
        var runner = new ChainPartitionRunner(Ref, new EcodMini.Core.Algorithm.PartitionOptions());
        var missing = runner.Run(new PartitionRequest(Path.Combine(temp.Path, "8ovp_A.develop291.domain_summary.xml")));
        Assert.Equal((false, ErrorClass.Permanent), (missing.Success, missing.ErrorClass));

        // The output's folder cannot be made (a file is in the way): an I/O fault of this attempt, not of the input.
        File.WriteAllText(temp.File("blocked"), "");
        var blocked = runner.Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"), null,
            Path.Combine(temp.Path, "blocked", "8ovp_A.mini.domains.xml")));
        Assert.Equal((false, ErrorClass.Transient), (blocked.Success, blocked.ErrorClass));
        Assert.Null(runner.Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"))).ErrorClass);
    }

    [Fact]
    public void TransientFailuresAreRetriedByThePolicyUntilItIsUsedUp()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var tasks = ExecutionTestData.Tasks(temp.Path, 1);
        var fake = new FakePartitioner { FailIds = [tasks[0].ProteinId] };
        var options = ChunkCoordinatorTests.Options(temp) with { Submission = new SubmissionRules { Retry = TwoRetries } };
        for (var run = 0; run < 4; run++) ChunkCoordinatorTests.Run(db, options, fake, tasks);
        var job = db.GetJob(tasks[0].ProteinId, tasks[0].BatchName)!;
        Assert.Equal((3, ErrorClass.Transient), (job.AttemptCount, job.ErrorClass));
        Assert.Equal(3, fake.TotalCalls);
    }

    [Fact]
    public void WorkerExceptionsAreClassifiedAndTimeoutsAreTransient()
    {
        Assert.Equal(ErrorClass.Permanent, ErrorClassifier.Classify(new InputFileException("x.xml", "bad")));
        Assert.Equal(ErrorClass.Permanent, ErrorClassifier.Classify(new FileNotFoundException("gone")));
        Assert.Equal(ErrorClass.Transient, ErrorClassifier.Classify(new IOException("disk")));
        Assert.Equal(ErrorClass.Transient, ErrorClassifier.Classify(new OutOfMemoryException()));

        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var job = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")])[0].Job;
        var attempt = db.StartAttempts([job.Id], new AttemptLaunch("r1", "slurm", "c1", "/w/c1.results.jsonl"))[0];
        db.CloseAttempts([attempt.AttemptId], AttemptStatus.Timeout, JobStatus.Timeout, "TIMEOUT");
        Assert.Equal(ErrorClass.Transient, db.GetJob("8ovp_A", "ecod_batch_001")!.ErrorClass);
    }

    [Fact]
    public void StatisticsAndTheFailureAlertCountBothClasses()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var ids = new[] { "1abc_A", "1abc_B", "1abc_C", "1abc_D" };
        var jobs = db.RecordSubmissions(ids.Select(id => TrackingTestData.Submission(id)).ToList());
        var attempts = db.StartAttempts(jobs.Select(j => j.Job.Id).ToList(), new AttemptLaunch("r1", "local", "c1", "/w/c1.results.jsonl"));
        db.RecordResults([
            TrackingTestData.Result("1abc_A", ok: false) with { AttemptId = attempts[0].AttemptId, ErrorClass = ErrorClass.Permanent },
            TrackingTestData.Result("1abc_B", ok: false) with { AttemptId = attempts[1].AttemptId, ErrorClass = ErrorClass.Transient },
            TrackingTestData.Result("1abc_C", ok: false) with { AttemptId = attempts[2].AttemptId },
            TrackingTestData.Result("1abc_D") with { AttemptId = attempts[3].AttemptId },
        ]);
        var stats = db.GetStatistics();
        Assert.Equal((3, 1, 2), (stats.Failed, stats.FailedPermanent, stats.FailedTransient));
        var alert = Assert.Single(AlertEvaluator.Evaluate(new AlertInputs { Statistics = stats, Now = DateTimeOffset.UtcNow },
            new AlertThresholds { MinimumSample = 1 }), a => a.Kind == AlertKind.HighFailureRate);
        Assert.EndsWith("(3 of 4 finished) is above 10%: 1 permanent, 2 transient", alert.Message);
    }
}
