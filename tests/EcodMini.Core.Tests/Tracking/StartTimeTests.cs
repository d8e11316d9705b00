using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

/// <summary>Issue 19, finding 10: StartTime is set when a job starts running, never on submission alone.</summary>
public class StartTimeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ASubmittedClusterJobHasNoStartTimeUntilItIsSeenRunning()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var jobs = db.RecordSubmissions([TrackingTestData.Submission("1abc_A")], now: T0);
        db.StartAttempts([jobs[0].Job.Id], new AttemptLaunch("run-s", "slurm", "run-s-00000", "/w/s.jsonl", JobStatus.Submitted), T0.AddSeconds(1));
        var submitted = Assert.Single(db.GetJobs(new JobQuery()));
        Assert.Equal((JobStatus.Submitted, (DateTimeOffset?)null), (submitted.Status, submitted.StartTime));

        Assert.Equal(1, db.MarkChunkRunning("run-s-00000", T0.AddMinutes(5)));
        var running = Assert.Single(db.GetJobs(new JobQuery()));
        Assert.Equal((JobStatus.Running, T0.AddMinutes(5)), (running.Status, running.StartTime));
    }

    [Fact]
    public void ALocalAttemptStartsAtOnce()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var jobs = db.RecordSubmissions([TrackingTestData.Submission("1abc_A")], now: T0);
        db.StartAttempts([jobs[0].Job.Id], new AttemptLaunch("run-l", "local", "run-l-00000", "/w/l.jsonl"), T0.AddSeconds(1));
        Assert.Equal(T0.AddSeconds(1), Assert.Single(db.GetJobs(new JobQuery())).StartTime);
    }
}
