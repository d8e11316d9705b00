using System.Diagnostics;
using EcodMini.Core.Processes;

namespace EcodMini.Core.Tests.Processes;

public class ProcessRunnerTests
{
    private static readonly ProcessRunner Runner = new();

    private static ProcessResult Run(string program, TimeSpan timeout, params string[] args) =>
        Runner.Run(new ProcessCommand(program, args, timeout), CancellationToken.None);

    [Fact]
    public void Arguments_reach_the_program_unchanged_and_no_shell_interprets_them()
    {
        var result = Run("/usr/bin/printf", TimeSpan.FromSeconds(10), "%s\\n", "a b; rm -rf /tmp/x", "$(id)", "`x`");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a b; rm -rf /tmp/x\n$(id)\n`x`\n", result.StandardOutput);
    }

    [Fact]
    public void Large_outputs_on_both_streams_do_not_deadlock()
    {
        var result = Run("/bin/bash", TimeSpan.FromSeconds(30), "-c", "head -c 2000000 /dev/zero | tr '\\0' a; head -c 2000000 /dev/zero | tr '\\0' b >&2; exit 3");
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(2_000_000, result.StandardOutput.Length);
        Assert.Equal(2_000_000, result.StandardError.Length);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void A_timeout_kills_the_whole_process_tree()
    {
        var marker = Path.Combine(Path.GetTempPath(), "ecod-ptree-" + Guid.NewGuid().ToString("N"));
        var clock = Stopwatch.StartNew();
        var result = Run("/bin/bash", TimeSpan.FromMilliseconds(500), "-c", $"(sleep 3; touch {marker}) & sleep 30");
        Assert.True(result.TimedOut);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Thread.Sleep(4000);
        Assert.False(File.Exists(marker), "the grandchild survived the timeout");
    }

    [Fact]
    public void A_missing_program_is_reported_by_name()
    {
        var ex = Assert.Throws<ProcessStartException>(() => Run("/nonexistent/sbatch", TimeSpan.FromSeconds(5)));
        Assert.Contains("/nonexistent/sbatch", ex.Message);
    }

    [Fact]
    public void Cancellation_kills_the_process_and_throws()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Runner.Run(new ProcessCommand("/bin/sleep", ["30"], TimeSpan.FromMinutes(1)), cts.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Display_quotes_arguments_a_reader_could_not_retype()
    {
        var command = new ProcessCommand("sbatch", ["--parsable", "a b", "it's"], TimeSpan.FromSeconds(1));
        Assert.Equal("sbatch --parsable 'a b' 'it'\\''s'", command.Display);
    }
}
