using EcodMini.Core.Slurm;

namespace EcodMini.Core.Tests.Slurm;

public class WorkerProgramTests
{
    [Fact]
    public void The_configured_pwsh_wins()
    {
        Assert.Equal(["/opt/pwsh/pwsh"], WorkerProgram.Resolve("/opt/pwsh/pwsh", "/usr/bin/dotnet", "/x"));
    }

    [Fact]
    public void A_pwsh_process_is_used_as_is()
    {
        Assert.Equal(["/usr/bin/pwsh"], WorkerProgram.Resolve(null, "/usr/bin/pwsh", "/opt/microsoft/powershell/7"));
    }

    [Fact]
    public void Pwsh_as_a_dotnet_tool_runs_as_dotnet_plus_pwsh_dll()
    {
        using var temp = new TempFolder();
        var dll = temp.File("pwsh.dll", "");
        Assert.Equal(["/usr/share/dotnet/dotnet", dll], WorkerProgram.Resolve(null, "/usr/share/dotnet/dotnet", temp.Path));
    }

    [Fact]
    public void An_unknown_host_process_asks_for_the_setting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => WorkerProgram.Resolve(null, "/usr/bin/python3", "/nonexistent"));
        Assert.Contains("slurm.worker_pwsh", ex.Message);
    }

    [Theory]
    [InlineData("1", 10)]
    [InlineData("0:30:00", 180)]
    [InlineData("1:00:00", 300)]
    [InlineData("UNLIMITED", 300)]
    public void The_time_limit_warning_scales_with_the_limit(string time, int seconds)
    {
        Assert.Equal(seconds, WorkerProgram.WarningSeconds(time));
    }
}
