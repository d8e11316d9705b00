using EcodMini.Core.Monitoring.Resources;

namespace EcodMini.Core.Tests.Monitoring.Resources;

public class DiskSpaceProbeTests
{
    [Fact]
    public void AFolderNotYetCreatedIsMeasuredOnItsParentsFileSystem()
    {
        using var temp = new TempFolder();
        var space = DiskSpaceProbe.MeasureOne(Path.Combine(temp.Path, "not", "yet", "there"));
        Assert.NotNull(space);
        Assert.Equal(Path.Combine(temp.Path, "not", "yet", "there"), space.Path);
        Assert.InRange(space.FreeBytes, 1, space.TotalBytes);
    }

    [Fact]
    public void FoldersOnOneFileSystemAreMeasuredOnce()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("a"));
        Directory.CreateDirectory(temp.File("b"));
        var spaces = DiskSpaceProbe.Measure([temp.File("a"), temp.File("b"), ""]);
        Assert.Equal(temp.File("a"), Assert.Single(spaces).Path);
    }
}
