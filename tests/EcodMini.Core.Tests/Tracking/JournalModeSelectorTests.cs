using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

public class JournalModeSelectorTests
{
    private const string MountInfo = """
        22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
        35 22 0:45 / /data rw,relatime shared:20 - nfs4 fileserver:/export/data rw,vers=4.2
        36 22 0:46 / /scratch rw,relatime - lustre 10.0.0.1@o2ib:/scratch rw,flock
        37 35 8:17 / /data/local\040disk rw,relatime - xfs /dev/sdb1 rw
        38 22 0:50 / /gluster rw - fuse.glusterfs server:/vol rw
        """;

    [Theory]
    [InlineData("/data/ecod/mini_v2/tracking.db", "delete", "nfs4")]
    [InlineData("/scratch/u/tracking.db", "delete", "lustre")]
    [InlineData("/gluster/x/tracking.db", "delete", "fuse.glusterfs")]
    [InlineData("/home/user/tracking.db", "wal", "ext4")]
    [InlineData("/data/local disk/tracking.db", "wal", "xfs")]
    [InlineData("/database/tracking.db", "wal", "ext4")]
    public void ChoosesJournalFromTheMountHoldingTheFile(string path, string mode, string fsType)
    {
        var choice = JournalModeSelector.Choose(path, MountTable.Parse(MountInfo));
        Assert.Equal(mode, choice.Mode);
        Assert.Equal(fsType, choice.FileSystemType);
        Assert.Contains(fsType, choice.Reason);
    }

    [Fact]
    public void ReadsProcMountsFormatToo()
    {
        var mounts = MountTable.Parse("/dev/sda1 / ext4 rw 0 0\nserver:/x /shared cifs rw 0 0\n");
        Assert.Equal("delete", JournalModeSelector.Choose("/shared/t.db", mounts).Mode);
        Assert.Equal("wal", JournalModeSelector.Choose("/tmp/t.db", mounts).Mode);
    }

    [Fact]
    public void NoMountInformationMeansWal()
    {
        var choice = JournalModeSelector.Choose("/x/t.db", MountTable.Parse(""));
        Assert.Equal("wal", choice.Mode);
        Assert.Contains("no mount entry", choice.Reason);
    }

    [Fact]
    public void OpeningOnANetworkFileSystemUsesTheRollbackJournal()
    {
        using var temp = new TempFolder();
        var mounts = MountTable.Parse($"40 1 0:60 / {temp.Path} rw - nfs server:/export rw\n");
        using var db = TrackingDatabase.Open(temp.File("t.db"), new TrackingOpenOptions { Mounts = mounts });
        Assert.Equal("delete", db.JournalMode);
        Assert.Contains("network file system", db.JournalModeReason);
    }

    [Fact]
    public void OpeningOnALocalDiskUsesWal()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        Assert.Equal("wal", db.JournalMode);
    }
}
