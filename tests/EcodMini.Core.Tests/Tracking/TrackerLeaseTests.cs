using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

public class TrackerLeaseTests
{
    [Fact]
    public void ASecondRunIsRefusedWithAMessageNamingTheOwner()
    {
        using var temp = new TempFolder();
        using var first = TrackingTestData.Open(temp.File("t.db"));
        using var second = TrackingTestData.Open(temp.File("t.db"));
        Assert.Null(first.AcquireLease(TrackingTestData.LiveOwner("run-1") with { WorkDirectory = "/w1" }, new LeaseOptions()));

        var error = Assert.Throws<TrackerLeaseHeldException>(() => second.AcquireLease(TrackingTestData.LiveOwner("run-2"), new LeaseOptions()));
        Assert.Equal(("run-1", Environment.ProcessId), (error.Owner.RunId, error.Owner.ProcessId));
        Assert.Contains("run run-1", error.Message);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message);
        Assert.Contains(ProcessIdentity.Host, error.Message);
        Assert.Equal("run-1", second.GetLease()!.RunId);

        first.ReleaseLease("run-1");
        Assert.Null(second.AcquireLease(TrackingTestData.LiveOwner("run-2"), new LeaseOptions()));
    }

    [Fact]
    public async Task AWaitingRunStartsWhenTheOwnerReleases()
    {
        using var temp = new TempFolder();
        using var first = TrackingTestData.Open(temp.File("t.db"));
        first.AcquireLease(TrackingTestData.LiveOwner("run-1"), new LeaseOptions());
        var waits = 0;
        var second = Task.Run(() =>
        {
            using var db = TrackingTestData.Open(temp.File("t.db"));
            db.AcquireLease(TrackingTestData.LiveOwner("run-2"), new LeaseOptions { Wait = true, PollInterval = TimeSpan.FromMilliseconds(20) },
                onWait: _ => Interlocked.Increment(ref waits));
            return db.GetLease()!.RunId;
        });
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        first.ReleaseLease("run-1");
        Assert.Equal("run-2", await second);
        Assert.True(waits > 0);

        var timeout = Assert.Throws<TrackerLeaseHeldException>(() => first.AcquireLease(TrackingTestData.LiveOwner("run-3"),
            new LeaseOptions { Wait = true, WaitTimeout = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.FromMilliseconds(20) }));
        Assert.Equal("run-2", timeout.Owner.RunId);
    }

    [Fact]
    public void AGoneOwnerOnThisHostIsTakenOverAtOnceAndAStaleRemoteOneAfterTheLimit()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        db.AcquireLease(TrackingTestData.DeadOwner("dead"), new LeaseOptions());
        Assert.Equal("dead", db.AcquireLease(TrackingTestData.LiveOwner("me"), new LeaseOptions())?.RunId);
        db.ReleaseLease("me");

        var remote = new TrackerLease { RunId = "remote", Host = "another-node", ProcessId = 42 };
        db.AcquireLease(remote, new LeaseOptions());
        Assert.Throws<TrackerLeaseHeldException>(() => db.AcquireLease(TrackingTestData.LiveOwner("me"), new LeaseOptions()));
        db.RenewLease("remote", DateTimeOffset.UtcNow.AddMinutes(-10));
        Assert.Equal("remote", db.AcquireLease(TrackingTestData.LiveOwner("me"), new LeaseOptions { StaleAfter = TimeSpan.FromMinutes(2) })?.RunId);

        var lost = Assert.Throws<TrackingDatabaseException>(() => db.RenewLease("remote"));
        Assert.Equal(TrackingProblem.LeaseLost, lost.Problem);
    }

    [Fact]
    public void ALiveOwnerOnThisHostIsNeverTakenOverHoweverOldItsHeartbeat()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        db.AcquireLease(TrackingTestData.LiveOwner("alive"), new LeaseOptions());
        db.RenewLease("alive", DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Throws<TrackerLeaseHeldException>(() => db.AcquireLease(TrackingTestData.LiveOwner("me"), new LeaseOptions { StaleAfter = TimeSpan.FromSeconds(10) }));
    }
}
