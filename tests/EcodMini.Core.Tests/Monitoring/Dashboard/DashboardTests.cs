using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Monitoring.Dashboard;
using Spectre.Console.Testing;
using static EcodMini.Core.Tests.Monitoring.MonitoringTestData;

namespace EcodMini.Core.Tests.Monitoring.Dashboard;

public class DashboardTests
{
    private static DashboardSnapshot Snapshot(TempFolder temp)
    {
        using var db = BuildRun(temp.File("tracking.db"));
        return Monitor(db).Snapshot();
    }

    private static IReadOnlyList<string> Frame(DashboardSnapshot? snapshot, int width, int height, string? error = null) =>
        new DashboardLayout(width, height, unicode: true).Build(snapshot, TimeSpan.FromSeconds(5), error).ToPlainLines();

    [Fact]
    public void An80By24FrameShowsEverySection()
    {
        using var temp = new TempFolder();
        var lines = Frame(Snapshot(temp), 79, 24);

        Assert.True(lines.Count <= 23, "the last line stays free");
        Assert.All(lines, l => Assert.True(l.Length <= 79, $"too wide: '{l}'"));
        Assert.StartsWith("EcodMini production tracking.db  2 in flight   ", lines[0]);
        Assert.EndsWith("   10:00:00 UTC, every 5s", lines[0]);
        Assert.Equal(79, lines[0].Length);
        Assert.EndsWith(" 78.6%  11/14", lines[1]);
        Assert.StartsWith("Completed       8  57.1%", lines[2]);
        Assert.Contains("Failed          3  21.4%", lines[2]);
        Assert.Contains("Pending         1   7.1%", lines[3]);
        Assert.Equal("Throughput 8/h recent   ETA 22m30s (at 10:22 UTC)   Success 72.7%", lines[4]);
        Assert.Matches(@"^Overall [\d.,]+/h   Recent \(\w+\) 8/h$", lines[5]);
        Assert.StartsWith("Coverage 0.68   Domains 1.6   Quality good 62.5% quest. 12.5% poor 25.0%", lines[6]);
        Assert.Equal("── Alerts (3)", lines[7]);
        Assert.StartsWith(" WARN failure rate 27.3% (3 of 11 finished) is above 10%", lines[8]);
        var batches = lines.ToList().FindIndex(l => l.StartsWith("── Batches (2, 0 done)", StringComparison.Ordinal));
        Assert.True(batches > 0);
        Assert.StartsWith(" " + BatchA + " ", lines[batches + 1]);
        Assert.EndsWith(" 90.0%      9/10 3 failed", lines[batches + 1]);
        var recent = lines.ToList().FindIndex(l => l.StartsWith("Recent completions", StringComparison.Ordinal));
        Assert.Contains("Recent failures", lines[recent]);
        Assert.StartsWith(" 6a06_A      0 dom  0.10 cov 09:50:00", lines[recent + 1]);
        Assert.EndsWith("9a09_A     TIMEOUT DUE TO TIME LIMIT", lines[recent + 1]);
        Assert.Contains("8a08_A     no usable hit, every hit is", lines[recent + 2]);
    }

    [Fact]
    public void AWiderScreenGetsOneCountLineAndLongerBars()
    {
        using var temp = new TempFolder();
        var snapshot = Snapshot(temp);
        var narrow = Frame(snapshot, 79, 24);
        var wide = Frame(snapshot, 159, 40);
        Assert.All(wide, l => Assert.True(l.Length <= 159));
        Assert.Contains("Running", wide[2]);
        Assert.Contains("Pending", wide[2]);
        Assert.True(wide[1].Length > narrow[1].Length + 70);
    }

    [Fact]
    public void ASmallScreenDropsSectionsRatherThanOverflowing()
    {
        using var temp = new TempFolder();
        var lines = Frame(Snapshot(temp), 50, 12);
        Assert.InRange(lines.Count, 8, 11);
        Assert.StartsWith("── Alerts (3)", lines[7]);
        Assert.All(lines, l => Assert.True(l.Length <= 50));
    }

    [Fact]
    public void AFailedReadIsShownUnderTheTitle()
    {
        var lines = Frame(null, 79, 24, "database is locked");
        Assert.Equal("Refresh failed: database is locked", lines[1]);
    }

    [Fact]
    public void TheLiveViewDrawsOnTheAlternateScreenAndRestoresTheTerminal()
    {
        using var temp = new TempFolder();
        var snapshot = Snapshot(temp);
        var console = new TestConsole().Width(80).Height(24).EmitAnsiSequences();
        var view = new LiveDashboard(console, TimeSpan.FromSeconds(1));
        var last = DashboardLoop.Run(() => snapshot, view, new DashboardLoopOptions { Interval = TimeSpan.Zero, MaxRefreshes = 2 }, CancellationToken.None);

        var output = console.Output;
        Assert.Same(snapshot, last);
        Assert.StartsWith("\u001b[?1049h\u001b[H", output);
        // Cleared for the first frame (the second draws over it), and once more just before leaving the alternate screen.
        Assert.Equal(2, Count(output, "\u001b[2J"));
        Assert.Equal(2, Count(output, "tracking.db")); // the title of each frame
        var tail = output[output.LastIndexOf("\u001b[?1049l", StringComparison.Ordinal)..];
        Assert.Contains("EcodMini production at 10:00:00 UTC: 11/14 finished (78.6%), 3 failed", tail);
        Assert.True(output.IndexOf("\u001b[?25h", StringComparison.Ordinal) > output.LastIndexOf("tracking.db", StringComparison.Ordinal), "cursor shown after the last frame");
    }

    [Fact]
    public void AResizedTerminalIsClearedOnceAndRedrawnAtItsNewSize()
    {
        using var temp = new TempFolder();
        var snapshot = Snapshot(temp);
        var console = new TestConsole().Width(80).Height(24).EmitAnsiSequences();
        var view = new LiveDashboard(console, TimeSpan.FromSeconds(1));
        view.Begin();
        view.Draw(snapshot, null);
        view.Draw(snapshot, null);
        Assert.Equal(1, Count(console.Output, "\u001b[2J"));
        console.Profile.Width = 120;
        console.Profile.Height = 30;
        view.Draw(snapshot, null);
        Assert.Equal(2, Count(console.Output, "\u001b[2J"));
        var lastFrame = console.Output[console.Output.LastIndexOf("\u001b[2J", StringComparison.Ordinal)..];
        view.End(snapshot);
        Assert.Matches("Completed       8  57.1%[^\n]*Pending         1   7.1%", lastFrame); // one count line at 120 columns
    }

    [Fact]
    public void CancellationEndsTheLoopAndStillRestoresTheTerminal()
    {
        using var temp = new TempFolder();
        var snapshot = Snapshot(temp);
        var console = new TestConsole().Width(80).Height(24).EmitAnsiSequences();
        using var cancel = new CancellationTokenSource();
        var reads = 0;
        DashboardLoop.Run(() => { if (++reads == 2) cancel.Cancel(); return snapshot; }, new LiveDashboard(console, TimeSpan.FromHours(1)),
            new DashboardLoopOptions { Interval = TimeSpan.FromMilliseconds(1) }, cancel.Token);
        Assert.Equal(2, reads);
        var left = console.Output.LastIndexOf("\u001b[?1049l", StringComparison.Ordinal);
        Assert.InRange(left, 0, console.Output.IndexOf("EcodMini production at", StringComparison.Ordinal));
    }

    /// <summary>A passing I/O error, and a read locked out past the busy timeout (an NFS tracker whose writer froze mid-commit).</summary>
    [Theory]
    [InlineData(false, "disk hiccup")]
    [InlineData(true, "/nfs/t.db: the tracking database stayed locked for 30 s by another process")]
    public void AReadErrorKeepsTheLoopGoingWithTheLastSnapshot(bool trackerLocked, string message)
    {
        using var temp = new TempFolder();
        var snapshot = Snapshot(temp);
        var lines = new List<string>();
        var reads = 0;
        IOException failure = trackerLocked
            ? new EcodMini.Core.Tracking.TrackingDatabaseException("/nfs/t.db", EcodMini.Core.Tracking.TrackingProblem.Locked, message)
            : new IOException(message);
        var last = DashboardLoop.Run(() => ++reads == 2 ? throw failure : snapshot, new PlainDashboard(lines.Add),
            new DashboardLoopOptions { Interval = TimeSpan.Zero, MaxRefreshes = 3 }, CancellationToken.None);
        Assert.Same(snapshot, last);
        Assert.Equal(3, lines.Count);
        Assert.EndsWith($"read-failed=\"{message}\"", lines[1]);
    }

    [Fact]
    public void ThePlainLineHasNoEscapeCodes()
    {
        using var temp = new TempFolder();
        var line = PlainDashboard.Format(Snapshot(temp));
        Assert.StartsWith("2026-03-01T10:00:00Z 11/14 78.6% completed=8 failed=3 running=2 pending=1 rate=8/h overall=", line);
        Assert.Matches(@" overall=[\d.,]+/h recent=8/h eta=22m30s cov=", line);
        Assert.EndsWith("cov=0.68 dom=1.6 poor=25.0% alerts=HighFailureRate,SlowProgress,ResourceExhausted", line);
        Assert.DoesNotContain('\u001b', line);
    }

    [Fact]
    public void StopWhenDoneEndsOnceNothingIsLeft()
    {
        using var temp = new TempFolder();
        var running = Snapshot(temp);
        var done = running with { Statistics = running.Statistics with { Pending = 0, Running = 0 } };
        var reads = 0;
        DashboardLoop.Run(() => ++reads < 3 ? running : done, new PlainDashboard(_ => { }),
            new DashboardLoopOptions { Interval = TimeSpan.Zero, StopWhenDone = true }, CancellationToken.None);
        Assert.Equal(3, reads);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
