using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

/// <summary>
/// The journal mode follows the file system that really holds the tracker (real path, injected mount table), and
/// writers refuse mounts whose locks stay on one client.
/// </summary>
public class TrackerFileSystemTests
{
    private static MountTable Mounts(string nfsPoint, string options = "rw,relatime,vers=4.2,hard", string type = "nfs4") => MountTable.Parse(
        "22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n" +
        $"41 22 0:61 /export/ecod {nfsPoint} {options} - {type} fileserver:/export {options}\n");

    [Fact]
    public void ASymlinkIntoAnNfsMountGetsTheRollbackJournalNotWal()
    {
        using var temp = new TempFolder();
        var nfs = Directory.CreateDirectory(temp.File("nfs")).FullName;
        var link = temp.File("state");
        File.CreateSymbolicLink(link, nfs);
        using var db = TrackingDatabase.Open(Path.Combine(link, "tracking.db"), new TrackingOpenOptions { Mounts = Mounts(nfs) });
        Assert.Equal(JournalModeChoice.Delete, db.JournalMode);
        Assert.Equal(Path.Combine(nfs, "tracking.db"), db.JournalChoice.RealPath);
        Assert.Contains("really", db.JournalModeReason);
        Assert.Contains(nfs, db.JournalModeReason);
    }

    [Fact]
    public void DotDotIsResolvedAfterTheSymlinkNotLexically()
    {
        using var temp = new TempFolder();
        var nfs = Directory.CreateDirectory(temp.File("nfs/project/sub")).FullName;
        Directory.CreateDirectory(temp.File("local"));
        File.CreateSymbolicLink(temp.File("local/into"), nfs);
        // Lexically local/into/../t.db is local/t.db (ext4); really it is nfs/project/t.db.
        var choice = TrackingDatabase.ChooseJournal(temp.File("local/into/../t.db"), new TrackingOpenOptions { Mounts = Mounts(temp.File("nfs")) });
        Assert.Equal(JournalModeChoice.Delete, choice.Mode);
        Assert.Equal(temp.File("nfs/project/t.db"), choice.RealPath);
    }

    [Fact]
    public void ABindMountOfAnNfsFolderIsJudgedByItsOwnMountinfoLine()
    {
        var mounts = MountTable.Parse(
            "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n" +
            "50 22 0:61 /export/ecod/state /srv/tracker rw,relatime - nfs4 fileserver:/export rw,vers=4.2\n");
        var entry = mounts.FindEntry("/srv/tracker/tracking.db")!;
        Assert.Equal(("nfs4", "/export/ecod/state", "fileserver:/export"), (entry.FsType, entry.Root, entry.Source));
        Assert.Equal(JournalModeChoice.Delete, JournalModeSelector.Choose("/srv/tracker/tracking.db", mounts, p => p).Mode);
    }

    [Theory]
    [InlineData("nfs", "rw,relatime,vers=3,nolock", "nolock")]
    [InlineData("nfs4", "rw,relatime,vers=4.1,local_lock=all", "local_lock=all")]
    [InlineData("nfs", "rw,vers=3,local_lock=posix", "local_lock=posix")]
    [InlineData("lustre", "rw,localflock", "localflock")]
    public void WritersRefuseMountsWhoseLocksAreLocalNamingMountOptionsAndFix(string type, string options, string option)
    {
        using var temp = new TempFolder();
        var nfs = Directory.CreateDirectory(temp.File("shared")).FullName;
        var open = new TrackingOpenOptions { Mounts = Mounts(nfs, options, type) };
        var error = Assert.Throws<TrackingDatabaseException>(() => TrackingDatabase.Open(Path.Combine(nfs, "t.db"), open));
        Assert.Equal(TrackingProblem.LocksLocalOnly, error.Problem);
        Assert.Contains(nfs, error.Message);
        Assert.Contains(options, error.Message);
        Assert.Contains($"'{option}'", error.Message);
        Assert.Contains("remount", error.Message);
        Assert.False(File.Exists(Path.Combine(nfs, "t.db"))); // refused before anything was created
    }

    [Theory]
    [InlineData("nfs4", "rw,vers=4.2,local_lock=none")]
    [InlineData("nfs", "rw,vers=3,lock,local_lock=flock")]
    [InlineData("lustre", "rw,flock")]
    public void MountsWithWorkingLocksAreAcceptedWithTheRollbackJournal(string type, string options)
    {
        using var temp = new TempFolder();
        var nfs = Directory.CreateDirectory(temp.File("shared")).FullName;
        using var db = TrackingDatabase.Open(Path.Combine(nfs, "t.db"), new TrackingOpenOptions { Mounts = Mounts(nfs, options, type) });
        Assert.Equal(JournalModeChoice.Delete, db.JournalMode);
        Assert.Null(db.JournalChoice.LockProblem);
        Assert.Equal(options, db.JournalChoice.MountOptions);
    }

    [Fact]
    public void AReaderWithWriteAccessRecoversAHotJournalAndReadsTheCommittedState()
    {
        using var temp = new TempFolder();
        var path = temp.File("t.db");
        var options = TrackingTestData.For(JournalModeChoice.Delete);
        using (var db = TrackingDatabase.Open(path, options)) db.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]);
        HotJournal.LeaveByKilledWriter(path, "UPDATE jobs SET status = 'failed';");
        Assert.True(File.Exists(path + "-journal"));
        using var reader = TrackingDatabase.Open(path, options with { ReadOnly = true });
        Assert.Equal(JobStatus.Pending, reader.GetJob("8ovp_A", "ecod_batch_001")!.Status);
        Assert.Equal(0L, TrackingDatabase.Scalar(reader.Connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'filler';"));
        Assert.False(File.Exists(path + "-journal"));
    }
}
