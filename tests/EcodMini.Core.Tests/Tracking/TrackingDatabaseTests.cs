using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

public abstract class TrackingDatabaseTests(string journal)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static OpenAttempt Start(TrackingDatabase db, long jobRef, string chunk, DateTimeOffset? at = null) =>
        db.StartAttempts([jobRef], new AttemptLaunch("run-" + chunk, "local", chunk, $"/work/{chunk}.results.jsonl"), at)[0];

    [Fact]
    public void SubmissionCreatesPendingJobWithEvent()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        var job = Assert.Single(db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")], now: T0));
        Assert.Equal((JobStatus.Pending, SubmissionOutcome.Queued), (job.Job.Status, job.Outcome));
        Assert.Equal(T0, db.GetJob("8ovp_A", "ecod_batch_001")!.SubmitTime);
        var e = Assert.Single(db.GetEvents("8ovp_A"));
        Assert.Equal((null, "pending"), (e.FromStatus, e.ToStatus));
    }

    [Fact]
    public void ResubmittingAFailedJobBumpsRetryCountAndKeepsHistory()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        var first = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A") with { JobId = "j1" }], now: T0)[0].Job;
        var attempt = Start(db, first.Id, "j1", T0.AddSeconds(1));
        db.RecordResults([TrackingTestData.Result("8ovp_A", ok: false, finished: T0.AddSeconds(2)) with { AttemptId = attempt.AttemptId }]);
        Assert.Equal(JobStatus.Failed, db.GetJob("8ovp_A", "ecod_batch_001")!.Status);
        Assert.Equal("summary unreadable", db.GetJob("8ovp_A", "ecod_batch_001")!.Error);
        Assert.Single(db.GetFailedJobs());

        var retry = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")], now: T0.AddSeconds(3))[0].Job;
        Assert.Equal((JobStatus.Pending, 1, "j1"), (retry.Status, retry.RetryCount, retry.ParentJobId));
        Assert.Equal(first.Id, retry.Id);
        var stored = db.GetJob("8ovp_A", "ecod_batch_001")!;
        Assert.Null(stored.Error);
        Assert.Null(stored.EndTime);
        Assert.Equal(["pending", "running", "failed", "pending"], db.GetEvents("8ovp_A").Select(e => e.ToStatus));
        Assert.Empty(db.GetFailedJobs());
    }

    [Fact]
    public void CompletedJobsAreNotResubmittedUnlessForcedAndRunningOnesWithoutAttemptAreRequeued()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        var jobs = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A"), TrackingTestData.Submission("1abc_B")], now: T0);
        var attempt = Start(db, jobs[0].Job.Id, "c1", T0);
        db.TransitionStatus([jobs[1].Job.Id], JobStatus.Running, T0);
        db.RecordResults([TrackingTestData.Result("8ovp_A", finished: T0.AddSeconds(5)) with { AttemptId = attempt.AttemptId }]);

        var again = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A"), TrackingTestData.Submission("1abc_B")], now: T0.AddSeconds(9));
        Assert.Equal([SubmissionOutcome.AlreadyCompleted, SubmissionOutcome.Queued], again.Select(j => j.Outcome));
        Assert.Equal([JobStatus.Completed, JobStatus.Pending], again.Select(j => j.Job.Status));
        Assert.Equal(0, again[1].Job.RetryCount);
        Assert.Contains("requeued", db.GetEvents("1abc_B")[^1].Detail);

        var forced = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")], new SubmissionRules { Force = true }, T0.AddSeconds(10));
        Assert.Equal((SubmissionOutcome.Queued, JobStatus.Pending, 0), (forced[0].Outcome, forced[0].Job.Status, forced[0].Job.RetryCount));
        Assert.Contains("forced", db.GetEvents("8ovp_A")[^1].Detail);
    }

    [Fact]
    public void TheRetryPolicyCapsRetriesAndDefersUntilTheDoublingDelay()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        var rules = new SubmissionRules { Retry = new RetryPolicy { MaxRetries = 2, RetryDelay = TimeSpan.FromMinutes(5) } };
        var at = T0;
        var outcomes = new List<SubmissionOutcome>();
        for (var i = 0; i < 6; i++)
        {
            var s = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")], rules, at)[0];
            outcomes.Add(s.Outcome);
            if (s.Outcome == SubmissionOutcome.RetryNotDue)
            {
                Assert.Equal(at.AddMinutes(-1) + TimeSpan.FromMinutes(5 * Math.Pow(2, s.Job.RetryCount)), s.NotBefore);
                at = s.NotBefore!.Value;
                continue;
            }
            if (s.Outcome != SubmissionOutcome.Queued) break;
            var attempt = Start(db, s.Job.Id, $"c{i}", at);
            db.RecordResults([TrackingTestData.Result("8ovp_A", ok: false, finished: at.AddMinutes(1)) with { AttemptId = attempt.AttemptId }]);
            at = at.AddMinutes(2);
        }
        // attempt 1; retry 1 deferred 5 min; attempt 2; retry 2 deferred 10 min; attempt 3; then failed for good.
        Assert.Equal([SubmissionOutcome.Queued, SubmissionOutcome.RetryNotDue, SubmissionOutcome.Queued, SubmissionOutcome.RetryNotDue,
            SubmissionOutcome.Queued, SubmissionOutcome.RetriesExhausted], outcomes);
        var job = db.GetJob("8ovp_A", "ecod_batch_001")!;
        Assert.Equal((JobStatus.Failed, 2, 3), (job.Status, job.RetryCount, job.AttemptCount));
        Assert.Equal(SubmissionOutcome.Queued, db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")], rules with { Force = true }, at.AddDays(1))[0].Outcome);
    }

    [Fact]
    public void ALateRecordOfAnOlderAttemptIsHistoryOnly()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        var job = db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")], now: T0)[0].Job;
        var first = Start(db, job.Id, "c1", T0);
        db.CloseAttempts([first.AttemptId], AttemptStatus.Lost, JobStatus.Pending, "requeued: lost");
        var second = Start(db, job.Id, "c2", T0.AddMinutes(1));
        Assert.Equal(2, second.AttemptNumber);

        // Attempt 1's worker was only slow: its failed record arrives late, with a later clock than anything else.
        var late = db.RecordResults([TrackingTestData.Result("8ovp_A", ok: false, finished: T0.AddHours(1)) with { AttemptId = first.AttemptId }]);
        Assert.Equal((1, 1, 0), (late.Recorded, late.Stale, late.Failed));
        Assert.Equal(JobStatus.Running, db.GetJob("8ovp_A", "ecod_batch_001")!.Status);

        db.RecordResults([TrackingTestData.Result("8ovp_A", coverage: 0.91, domains: 3, finished: T0.AddMinutes(2)) with { AttemptId = second.AttemptId }]);
        var current = db.GetJob("8ovp_A", "ecod_batch_001")!;
        Assert.Equal((JobStatus.Completed, 3, 0.91, second.AttemptId), (current.Status, current.DomainCount, current.Coverage, current.CurrentAttemptId));
        var results = db.GetResults("8ovp_A");
        Assert.Equal([(first.AttemptId, false), (second.AttemptId, true)], results.Select(r => (r.AttemptId ?? 0, r.IsCurrent)));
        Assert.Equal(0.91, db.GetStatistics().MeanCoverage, 6);

        // A second record for the current attempt (a requeued array task) is history too.
        var again = db.RecordResults([TrackingTestData.Result("8ovp_A", ok: false) with { AttemptId = second.AttemptId }]);
        Assert.Equal(1, again.Stale);
        Assert.Equal(JobStatus.Completed, db.GetJob("8ovp_A", "ecod_batch_001")!.Status);
    }

    [Fact]
    public void RecordingTheSameResultsTwiceChangesNothing()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
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
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        db.RecordResults([TrackingTestData.Result("8ovp_A", coverage: 0.75, domains: 3)]);
        var result = Assert.Single(db.GetResults("8ovp_A"));
        Assert.Equal((3, 0.75, "completed", "ecod_batch_001", true), (result.DomainCount, result.Coverage, result.Status, result.BatchName, result.IsCurrent));
        Assert.Equal("low_coverage", Assert.Single(result.QualityFlags).FlagType);
        var job = db.GetJob("8ovp_A", "ecod_batch_001")!;
        Assert.Equal((3, 0.75, 0), (job.DomainCount, job.Coverage, job.ExitCode));
    }

    [Fact]
    public void ARecordWithoutAttemptNeverReplacesACurrentResult()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        db.RecordResults([TrackingTestData.Result("8ovp_A", finished: T0)]);
        var late = db.RecordResults([TrackingTestData.Result("8ovp_A", ok: false, finished: T0.AddMinutes(5))]);
        Assert.Equal(1, late.Stale);
        Assert.Equal(JobStatus.Completed, db.GetJob("8ovp_A", "ecod_batch_001")!.Status);
        Assert.Equal(2, db.GetResults("8ovp_A").Count);
    }

    [Fact]
    public void QueriesFilterByStatusBatchAndWildcardProtein()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
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
    public void ReadOnlyOpenSeesTheWritersRowsAndChangesNothing()
    {
        using var temp = new TempFolder();
        Assert.Equal(TrackingProblem.Unavailable,
            Assert.Throws<TrackingDatabaseException>(() => TrackingDatabase.Open(temp.File("none.db"), TrackingTestData.For(journal) with { ReadOnly = true })).Problem);
        Assert.False(File.Exists(temp.File("none.db")));
        using (var writer = TrackingTestData.Open(temp.File("t.db"), journal))
            writer.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]);
        var header = File.ReadAllBytes(temp.File("t.db"))[..100];
        using var reader = TrackingDatabase.Open(temp.File("t.db"), TrackingTestData.For(journal) with { ReadOnly = true });
        Assert.True(reader.IsReadOnly);
        Assert.Equal(1, reader.GetStatistics().Pending);
        Assert.Single(reader.GetJobs());
        Assert.ThrowsAny<Exception>(() => reader.RecordSubmissions([TrackingTestData.Submission("1abc_A")]));
        Assert.Equal(journal, reader.JournalMode);
        Assert.Equal(header, File.ReadAllBytes(temp.File("t.db"))[..100]);
    }
}
