using EcodMini.Core.Execution;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tests.Processes;

namespace EcodMini.Core.Tests.Slurm;

/// <summary>Issue 18 on recorded SLURM answers: chained split arrays, the --export list, Lost only on positive evidence.</summary>
public class SlurmTruthTests
{
    private const string RunId = "20261130T235900-abcd1234";

    private static SlurmLaunchOptions Options(TempFolder temp) => new()
    {
        RunId = RunId,
        ScriptDirectory = temp.File("scripts"),
        Export = SlurmJobEnvironment.ExportArgument(["MY_VAR"], ["ECOD_DB_PASSWORD"]),
        Script = new JobScriptRequest
        {
            JobName = "x", Time = "1:00:00", Memory = "4G", LogDirectory = temp.File("logs"), WorkingDirectory = "/x",
            WorkerProgram = ["/usr/bin/pwsh"], Module = new EcodMini.Core.WorkerModules.WorkerModule { Version = "1.0.0", ManifestPath = "/opt/EcodMini/EcodMini.psd1" }, ManifestPath = "/x", MaxConcurrent = 5,
        },
    };

    private static SlurmLauncher Launcher(FakeProcessRunner runner, SlurmLaunchOptions options)
    {
        var launcher = new SlurmLauncher(new SlurmClient(runner, new SlurmClientOptions { MaxAttempts = 1 }), options);
        launcher.Watch([RunId]);
        return launcher;
    }

    [Fact]
    public void Split_arrays_are_chained_so_the_run_keeps_one_cap_and_every_sbatch_passes_an_explicit_export_list()
    {
        using var temp = new TempFolder();
        var runner = new FakeProcessRunner().Answer("scontrol", "MaxArraySize            = 2\n")
            .Answer("sbatch", "41\n").Answer("sbatch", "42\n").Answer("sbatch", "43\n");
        var chunks = Enumerable.Range(0, 5).Select(i => new ChunkLaunch($"{RunId}-{i:D5}", temp.File($"w/{i}.manifest.json"), temp.File($"w/{i}.r"), 1)).ToList();
        Launcher(runner, Options(temp)).Launch(chunks, CancellationToken.None);
        var calls = runner.Calls.Where(c => c.FileName == "sbatch").ToList();
        Assert.DoesNotContain(calls[0].Arguments, a => a.StartsWith("--dependency", StringComparison.Ordinal));
        Assert.Contains("--dependency=afterany:41", calls[1].Arguments);
        Assert.Contains("--dependency=afterany:42", calls[2].Arguments);
        Assert.All(calls, c => Assert.Contains("--export=PATH,HOME,LANG,LC_ALL,TZ,USER,LOGNAME,TMPDIR,DOTNET_ROOT,DOTNET_CLI_HOME,PSModulePath,MY_VAR", c.Arguments));
        Assert.All(calls, c => Assert.Contains(c.Arguments, a => a.StartsWith($"--comment=ecod-chunk", StringComparison.Ordinal) && a.Contains(RunId, StringComparison.Ordinal)));
        Assert.All(runner.Calls, c => Assert.Contains("ECOD_DB_PASSWORD", c.Unset));
    }

    [Theory]
    [InlineData("ECOD_DB_PASSWORD")]
    [InlineData("PGPASSWORD")]
    [InlineData("ALL")]
    [InlineData("A,B")]
    [InlineData("1BAD")]
    public void The_export_list_refuses_secrets_and_anything_but_variable_names(string name)
    {
        var error = Assert.Throws<UnsafeJobValueException>(() => SlurmJobEnvironment.ExportArgument(name == "ALL" ? ["PATH", "ALL=1"] : [name], ["ECOD_DB_PASSWORD"]));
        Assert.Equal("slurm.export_variables", error.Setting);
    }

    [Fact]
    public void A_task_missing_from_sacct_while_squeue_fails_keeps_its_state_and_dates_the_outage()
    {
        using var temp = new TempFolder();
        var runner = new FakeProcessRunner()
            .Answer("sacct", "")
            .Answer("squeue", "", "slurm_load_jobs error: Unable to contact slurm controller (connect failure)", 1);
        var launcher = Launcher(runner, Options(temp));
        var states = launcher.Poll(["77_0"], CancellationToken.None);
        Assert.NotEqual(ChunkPhase.Lost, states["77_0"].Phase);
        Assert.Contains("unknown since", states["77_0"].Detail);
        Assert.NotNull(launcher.UnreachableSince);
    }

    [Fact]
    public void Both_failing_keeps_every_state_and_only_positive_evidence_from_both_makes_a_task_lost()
    {
        using var temp = new TempFolder();
        var down = new FakeProcessRunner().Answer("sacct", "", "sacct: error: Unable to contact slurm controller (connect failure)", 1);
        var outage = Launcher(down, Options(temp));
        Assert.Equal(ChunkPhase.Queued, outage.Poll(["77_0"], CancellationToken.None)["77_0"].Phase);
        Assert.NotNull(outage.UnreachableSince);

        // The run is days old (past the accounting grace): sacct and squeue both answer without the task.
        var answered = new FakeProcessRunner().Answer("sacct", "").Answer("squeue", "");
        var launcher = Launcher(answered, Options(temp));
        Assert.Equal(ChunkPhase.Lost, launcher.Poll(["77_0"], CancellationToken.None)["77_0"].Phase);
        Assert.Null(launcher.UnreachableSince);
    }
}
