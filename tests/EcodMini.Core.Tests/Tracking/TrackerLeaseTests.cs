using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

public abstract class TrackerLeaseTests(string journal)
{
    [Fact]
    public void ASecondRunIsRefusedWithAMessageNamingTheOwner()
    {
        using var temp = new TempFolder();
        using var first = TrackingTestData.Open(temp.File("t.db"), journal);
        using var second = TrackingTestData.Open(temp.File("t.db"), journal);
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
        using var first = TrackingTestData.Open(temp.File("t.db"), journal);
        first.AcquireLease(TrackingTestData.LiveOwner("run-1"), new LeaseOptions());
        var waits = 0;
        var second = Task.Run(() =>
        {
            using var db = TrackingTestData.Open(temp.File("t.db"), journal);
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
    public void AGoneOwnerOnThisMachineIsTakenOverAtOnceAndASilentRemoteOneOnlyAfterTheTimeoutOnTheObserversClock()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        db.AcquireLease(TrackingTestData.DeadOwner("dead"), new LeaseOptions());
        Assert.Equal("dead", db.AcquireLease(TrackingTestData.LiveOwner("me"), new LeaseOptions())?.RunId);
        db.ReleaseLease("me");

        var fast = new LeaseOptions { StaleAfter = TimeSpan.FromMilliseconds(800), HeartbeatInterval = TimeSpan.FromMilliseconds(200) };
        using (var remoteSide = TrackingTestData.Open(temp.File("t.db"), journal))
        {
            remoteSide.AcquireLease(TrackingTestData.RemoteOwner("remote"), fast);
            // A wall-clock heartbeat far in the past means nothing across machines: only the counter standing still does.
            remoteSide.RenewLease("remote", DateTimeOffset.UtcNow.AddDays(-1));
        } // the remote owner's heartbeat stops here (as if its host froze)
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<TrackerLeaseHeldException>(() => db.AcquireLease(TrackingTestData.LiveOwner("me"), fast));
        var taken = db.AcquireLease(TrackingTestData.LiveOwner("me"), fast with { Wait = true, PollInterval = TimeSpan.FromMilliseconds(50) });
        Assert.Equal("remote", taken?.RunId);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(800), $"taken over after {clock.Elapsed}, before the lease timeout");

        var lost = Assert.Throws<TrackingDatabaseException>(() => db.RenewLease("remote"));
        Assert.Equal(TrackingProblem.LeaseLost, lost.Problem);
        db.ReleaseLease("me");
    }

    [Fact]
    public void AnOwnerWhoseHeartbeatKeepsAdvancingIsNeverTakenOverHoweverLongOthersWait()
    {
        using var temp = new TempFolder();
        using var owner = TrackingTestData.Open(temp.File("t.db"), journal);
        using var other = TrackingTestData.Open(temp.File("t.db"), journal);
        var fast = new LeaseOptions { StaleAfter = TimeSpan.FromMilliseconds(600), HeartbeatInterval = TimeSpan.FromMilliseconds(100) };
        owner.AcquireLease(TrackingTestData.RemoteOwner("busy-in-sbatch"), fast);
        var refusal = Assert.Throws<TrackerLeaseHeldException>(() => other.AcquireLease(TrackingTestData.LiveOwner("poller"), fast with
        {
            Wait = true, WaitTimeout = TimeSpan.FromSeconds(2), PollInterval = TimeSpan.FromMilliseconds(50),
        }));
        Assert.Equal("busy-in-sbatch", refusal.Owner.RunId);
        Assert.True(owner.GetLease()!.HeartbeatCount >= 5, $"heartbeat count {owner.GetLease()!.HeartbeatCount}");
        owner.ReleaseLease("busy-in-sbatch");
        Assert.Null(other.AcquireLease(TrackingTestData.LiveOwner("poller"), fast));
    }
}
