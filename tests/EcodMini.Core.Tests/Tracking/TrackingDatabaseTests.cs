using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

public class TrackingDatabaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SubmissionCreatesPendingJobWithEvent()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var job = Assert.Single(db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")], T0));
        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Equal(T0, db.GetJob("8ovp_A", "ecod_batch_001")!.SubmitTime);
        var e = Assert.Single(db.GetEvents("8ovp_A"));
        Assert.Equal((null, "pending"), (e.FromStatus, e.ToStatus));
    }

    [Fact]
    public void ResubmittingAFailedJobBumpsRetryCountAndKeepsHistory()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var first = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A") with { JobId = "j1" }], T0)[0];
        db.TransitionStatus([first.Id], JobStatus.Running, T0.AddSeconds(1));
        db.RecordResults([TrackingTestData.Result("8ovp_A", ok: false, finished: T0.AddSeconds(2))]);
        Assert.Equal(JobStatus.Failed, db.GetJob("8ovp_A", "ecod_batch_001")!.Status);
        Assert.Equal("summary unreadable", db.GetJob("8ovp_A", "ecod_batch_001")!.Error);
        Assert.Single(db.GetFailedJobs());

        var retry = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A") with { JobId = "j2" }], T0.AddSeconds(3))[0];
        Assert.Equal((JobStatus.Pending, 1, "j1"), (retry.Status, retry.RetryCount, retry.ParentJobId));
        Assert.Equal(first.Id, retry.Id);
        var stored = db.GetJob("8ovp_A", "ecod_batch_001")!;
        Assert.Null(stored.Error);
        Assert.Null(stored.EndTime);

        var history = db.GetEvents("8ovp_A").Select(e => e.ToStatus).ToList();
        Assert.Equal(["pending", "running", "failed", "pending"], history);
        Assert.Empty(db.GetFailedJobs());
    }

    [Fact]
    public void CompletedJobsAreNotResubmittedAndRunningOnesAreRequeued()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var jobs = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A"), TrackingTestData.Submission("1abc_B")], T0);
        db.TransitionStatus(jobs.Select(j => j.Id).ToList(), JobStatus.Running, T0);
        db.RecordResults([TrackingTestData.Result("8ovp_A", finished: T0.AddSeconds(5))]);

        var again = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A"), TrackingTestData.Submission("1abc_B")], T0.AddSeconds(9));
        Assert.Equal([JobStatus.Completed, JobStatus.Pending], again.Select(j => j.Status));
        Assert.Equal(0, again[1].RetryCount);
        Assert.Equal(2, db.GetJobs().Count);
        Assert.Contains("requeued", db.GetEvents("1abc_B")[^1].Detail);
    }

    [Fact]
    public void RecordingTheSameResultsTwiceChangesNothing()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var records = Enumerable.Range(0, 50).Select(i => TrackingTestData.Result($"{i + 1000}_A", ok: i % 5 != 0)).ToList();
        var first = db.RecordResults(records);
        var eventsAfterFirst = db.GetEvents("1001_A").Count;
        var second = db.RecordResults(records);

        Assert.Equal((50, 0, 40, 10), (first.Recorded, first.Duplicates, first.Completed, first.Failed));
        Assert.Equal((0, 50, 0, 0), (second.Recorded, second.Duplicates, second.Completed, second.Failed));
        Assert.Equal(50, db.GetJobs().Count);
        Assert.Single(db.GetResults("1001_A"));
        Assert.Equal(eventsAfterFirst, db.GetEvents("1001_A").Count);
        Assert.Equal(40, db.CountByStatus()[JobStatus.Completed]);
    }

    [Fact]
    public void ResultsKeepMetricsAndQualityFlags()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        db.RecordResults([TrackingTestData.Result("8ovp_A", coverage: 0.75, domains: 3)]);
        var result = Assert.Single(db.GetResults("8ovp_A"));
        Assert.Equal((3, 0.75, "completed", "ecod_batch_001"), (result.DomainCount, result.Coverage, result.Status, result.BatchName));
        Assert.Equal("low_coverage", Assert.Single(result.QualityFlags).FlagType);
        var job = db.GetJob("8ovp_A", "ecod_batch_001")!;
        Assert.Equal((3, 0.75, 0), (job.DomainCount, job.Coverage, job.ExitCode));
    }

    [Fact]
    public void AnOlderResultDoesNotOverrideANewerOne()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        db.RecordResults([TrackingTestData.Result("8ovp_A", finished: T0.AddMinutes(5))]);
        db.RecordResults([TrackingTestData.Result("8ovp_A", ok: false, finished: T0)]);
        Assert.Equal(JobStatus.Completed, db.GetJob("8ovp_A", "ecod_batch_001")!.Status);
        Assert.Equal(2, db.GetResults("8ovp_A").Count);
    }

    [Fact]
    public void QueriesFilterByStatusBatchAndWildcardProtein()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        db.RecordSubmissions([
            TrackingTestData.Submission("8ovp_A", "ecod_batch_001"), TrackingTestData.Submission("8ovp_B", "ecod_batch_001"),
            TrackingTestData.Submission("1abc_A", "ecod_batch_002"), TrackingTestData.Submission("2xyz_A", "ecod_batch_002"),
        ]);
        db.RecordResults([TrackingTestData.Result("8ovp_B", "ecod_batch_001")]);

        Assert.Equal(["8ovp_A", "8ovp_B"], db.GetJobs(new JobQuery { ProteinId = "8ovp_*" }).Select(j => j.ProteinId));
        Assert.Equal(["1abc_A", "2xyz_A"], db.GetJobs(new JobQuery { BatchName = "ecod_batch_002" }).Select(j => j.ProteinId));
        Assert.Equal(["8ovp_A", "1abc_A", "2xyz_A"], db.GetJobs(new JobQuery { Statuses = [JobStatus.Pending] }).Select(j => j.ProteinId));
        Assert.Single(db.GetJobs(new JobQuery { Limit = 1 }));
        Assert.Empty(db.GetJobs(new JobQuery { ProteinId = "8ovp_*", Wildcards = false }));
        Assert.Empty(db.GetJobs(new JobQuery { ProteinId = "8ovp_A' OR '1'='1" }));
    }

    [Fact]
    public void ReadOnlyOpenSeesTheWritersRowsAndNeverCreatesAFile()
    {
        using var temp = new TempFolder();
        Assert.Throws<FileNotFoundException>(() => TrackingDatabase.Open(temp.File("none.db"), TrackingTestData.Local with { ReadOnly = true }));
        Assert.False(File.Exists(temp.File("none.db")));
        using var writer = TrackingTestData.Open(temp.File("t.db"));
        writer.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]);
        using var reader = TrackingDatabase.Open(temp.File("t.db"), TrackingTestData.Local with { ReadOnly = true });
        Assert.Equal(1, reader.GetStatistics().Pending);
        Assert.ThrowsAny<Exception>(() => reader.RecordSubmissions([TrackingTestData.Submission("1abc_A")]));
    }
}
