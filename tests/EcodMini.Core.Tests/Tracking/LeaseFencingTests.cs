using EcodMini.Core.Configuration;
using EcodMini.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tests.Tracking;

/// <summary>The fenced door: every write checks the lease generation; the heartbeat beats on its own; settings validated.</summary>
public abstract class LeaseFencingTests(string journal)
{
    private static readonly LeaseOptions Fast = new() { StaleAfter = TimeSpan.FromMilliseconds(800), HeartbeatInterval = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public void AProcessThatLostTheLeaseCannotWriteByAnyPathAndTheErrorNamesTheNewOwner()
    {
        using var temp = new TempFolder();
        using var loser = TrackingTestData.Open(temp.File("t.db"), journal);
        var job = loser.RecordSubmissions([TrackingTestData.Submission("8ovp_A"), TrackingTestData.Submission("1abc_B")])[0].Job;
        // The loser's claim names a process of this machine that is gone, so the winner may take over at once.
        loser.AcquireLease(TrackingTestData.DeadOwner("loser"), Fast);
        var attempt = loser.StartAttempts([job.Id], new AttemptLaunch("loser", "local", "loser-00000", "/w/r.jsonl"))[0];
        using var winner = TrackingTestData.Open(temp.File("t.db"), journal);
        Assert.Equal("loser", winner.AcquireLease(TrackingTestData.LiveOwner("winner"), Fast)?.RunId);
        var before = Snapshot(winner);

        var writes = new Action[]
        {
            () => loser.RecordSubmissions([TrackingTestData.Submission("2xyz_C")]),
            () => loser.TransitionStatus([job.Id], JobStatus.Failed),
            () => loser.StartAttempts([job.Id], new AttemptLaunch("loser", "local", "loser-00001", "/w/r2.jsonl")),
            () => loser.SetExecutorJobId("loser-00000", "thread-9"),
            () => loser.CloseAttempts([attempt.AttemptId], AttemptStatus.Lost, JobStatus.Pending, "x"),
            () => loser.MarkChunkRunning("loser-00000"),
            () => loser.RecordResults([TrackingTestData.Result("8ovp_A") with { AttemptId = attempt.AttemptId }]),
            () => loser.RecordImports([new ImportLedgerEntry { ProteinId = "8ovp_A", BatchName = "ecod_batch_001", Target = "t", ProcessVersion = "1", Action = "inserted" }]),
            () => loser.RenewLease("loser"),
        };
        foreach (var write in writes)
        {
            var error = Assert.Throws<TrackingDatabaseException>(write);
            Assert.Equal(TrackingProblem.LeaseLost, error.Problem);
            Assert.Contains("run winner", error.Message);
            Assert.Contains(ProcessIdentity.Host, error.Message);
        }
        loser.ReleaseLease("loser"); // a lost lease is not released from under its new owner
        Assert.Equal("winner", winner.GetLease()?.RunId);
        Assert.Equal(before, Snapshot(winner));
        winner.ReleaseLease("winner");
    }

    [Fact]
    public void NoStatementCanWriteOutsideTheDoor()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]);
        using var sneaky = db.Command("DELETE FROM jobs;");
        var error = Assert.Throws<SqliteException>(() => sneaky.ExecuteNonQuery());
        Assert.Equal(8, error.SqliteErrorCode); // SQLITE_READONLY: the connection is query-only outside the door
        Assert.NotNull(db.GetJob("8ovp_A", "ecod_batch_001"));
    }

    [Fact]
    public void AWriterWithoutTheLeaseIsRefusedWhileALiveRunHoldsIt()
    {
        using var temp = new TempFolder();
        using var owner = TrackingTestData.Open(temp.File("t.db"), journal);
        owner.AcquireLease(TrackingTestData.LiveOwner("owner"), Fast);
        using var other = TrackingTestData.Open(temp.File("t.db"), journal);
        var error = Assert.Throws<TrackerLeaseHeldException>(() => other.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]));
        Assert.Equal("owner", error.Owner.RunId);
        owner.ReleaseLease("owner");
        Assert.Single(other.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]));
    }

    [Fact]
    public void TheHeartbeatBeatsInTheBackgroundWhileTheHolderIsBusyAndStopsOnRelease()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        db.AcquireLease(TrackingTestData.LiveOwner("busy"), Fast);
        Thread.Sleep(900); // the holder does no tracker work at all (as in a slow sbatch)
        var beats = db.GetLease()!.HeartbeatCount;
        Assert.True(beats >= 4, $"only {beats} heartbeats in 900 ms at a 100 ms interval");
        db.ReleaseLease("busy");
        Assert.Null(db.GetLease());
        Thread.Sleep(300);
        Assert.Null(db.GetLease()); // a stopped heartbeat never brings a released lease back
    }

    [Fact]
    public void EachAcquisitionIsANewGenerationEvenAfterARelease()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        db.AcquireLease(TrackingTestData.LiveOwner("a"), Fast);
        var first = db.GetLease()!.Generation;
        db.ReleaseLease("a");
        db.AcquireLease(TrackingTestData.LiveOwner("b"), Fast);
        Assert.Equal(first + 1, db.GetLease()!.Generation);
        Assert.Equal(db.GetLease()!.Generation, db.HeldLease!.Generation);
        db.ReleaseLease("b");
    }

    private static (int Jobs, int Attempts, int Events, int Results, string? Status) Snapshot(TrackingDatabase db)
    {
        var job = db.GetJob("8ovp_A", "ecod_batch_001");
        int Count(string table) => Convert.ToInt32(TrackingDatabase.Scalar(db.Connection, $"SELECT COUNT(*) FROM {table};"));
        return (Count("jobs"), Count("attempts"), Count("job_events"), Count("results"), job?.Status);
    }
}

/// <summary>Lease settings: the defaults, and the heartbeat at most a quarter of the timeout.</summary>
public class LeaseSettingsTests
{
    [Fact]
    public void DefaultsAreTenMinutesAndThirtySeconds()
    {
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30)), (new LeaseOptions().StaleAfter, new LeaseOptions().HeartbeatInterval));
        var execution = ConfigurationParser.Parse("", "test").Execution;
        Assert.Equal((600, TimeSpan.FromSeconds(30)), (execution.LeaseTimeout, execution.EffectiveHeartbeat));
        Assert.Equal(TimeSpan.FromSeconds(5), ConfigurationParser.Parse("execution:\n  lease_timeout: 20\n", "t").Execution.EffectiveHeartbeat);
    }

    [Theory]
    [InlineData("execution:\n  lease_timeout: 60\n  heartbeat_interval: 16\n")]
    [InlineData("execution:\n  heartbeat_interval: 0\n")]
    public void AHeartbeatAboveAQuarterOfTheTimeoutIsRefused(string yaml)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse(yaml, "test"));
        Assert.Contains("execution.heartbeat_interval", error.Message);
        var options = new LeaseOptions { StaleAfter = TimeSpan.FromSeconds(60), HeartbeatInterval = TimeSpan.FromSeconds(16) };
        Assert.Contains("at most a quarter", Assert.Throws<ArgumentException>(() => options.Validated()).Message);
        Assert.Equal(15, ConfigurationParser.Parse("execution:\n  lease_timeout: 60\n  heartbeat_interval: 15\n", "t").Execution.HeartbeatInterval);
    }
}
