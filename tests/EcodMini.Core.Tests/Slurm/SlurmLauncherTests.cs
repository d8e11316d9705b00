using EcodMini.Core.Execution;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tests.Processes;

namespace EcodMini.Core.Tests.Slurm;

public class SlurmLauncherTests
{
    private const string RunId = "20261130T235900-abcd1234";

    private static SlurmLaunchOptions Options(TempFolder temp, SlurmMode mode = SlurmMode.Array) => new()
    {
        RunId = RunId,
        Mode = mode,
        ScriptDirectory = temp.File("scripts"),
        SubmitDelay = TimeSpan.Zero,
        Script = new JobScriptRequest
        {
            JobName = "x", Partition = "debug", Time = "1:00:00", Memory = "4G", LogDirectory = temp.File("logs"),
            WorkingDirectory = "/x", WorkerProgram = ["/usr/bin/pwsh"], Module = new EcodMini.Core.WorkerModules.WorkerModule { Version = "1.0.0", ManifestPath = "/opt/EcodMini/EcodMini.psd1" },
            ManifestPath = "/x", MaxConcurrent = 5,
        },
    };

    private static List<ChunkLaunch> Chunks(TempFolder temp, int count) => Enumerable.Range(0, count)
        .Select(i => new ChunkLaunch($"{RunId}-{i:D5}", temp.File($"work/{RunId}-{i:D5}.manifest.json"), temp.File($"work/{RunId}-{i:D5}.manifest.json.results.jsonl"), 10))
        .ToList();

    /// <summary>A launcher watching the test run (as the coordinator makes it for the runs it polls).</summary>
    private static SlurmLauncher Launcher(FakeProcessRunner runner, SlurmLaunchOptions options, List<string>? log = null)
    {
        var launcher = new SlurmLauncher(new SlurmClient(runner, new SlurmClientOptions { MaxAttempts = 1 }), options, m => log?.Add(m));
        launcher.Watch([RunId]);
        return launcher;
    }

    [Fact]
    public void Array_mode_submits_one_array_per_max_array_size_with_offsets_and_task_ids()
    {
        using var temp = new TempFolder();
        var runner = new FakeProcessRunner()
            .Answer("scontrol", "MaxArraySize            = 3\n")
            .Answer("sbatch", "41\n").Answer("sbatch", "42\n");
        var launcher = Launcher(runner, Options(temp));
        var ids = launcher.Launch(Chunks(temp, 5), CancellationToken.None);
        Assert.Equal(["41_0", "41_1", "41_2", "42_0", "42_1"], ids);
        Assert.Equal(2, launcher.SbatchCalls);
        var scripts = runner.Calls.Where(c => c.FileName == "sbatch").Select(c => File.ReadAllText(c.Arguments[^1])).ToList();
        Assert.Contains("#SBATCH --array=0-2%3\n", scripts[0]);
        Assert.Contains("#SBATCH --array=0-1%2\n", scripts[1]);
        Assert.All(scripts, s => Assert.Contains($"#SBATCH --job-name='ecod-{RunId}'\n", s));
        var second = Path.Combine(Path.GetDirectoryName(runner.Calls[2].Arguments[^1])!, "array.json");
        Assert.True(ArrayManifest.TryRead(second, out var array));
        Assert.Equal(3, array.Offset);
        Assert.Equal(2, array.Chunks.Count);
        Assert.EndsWith($"{RunId}-00004.manifest.json", array.Chunks[1]);
    }

    [Fact]
    public void A_refused_array_cancels_the_arrays_already_submitted_by_the_same_launch()
    {
        using var temp = new TempFolder();
        var runner = new FakeProcessRunner()
            .Answer("scontrol", "MaxArraySize            = 2\n")
            .Answer("sbatch", "41\n")
            .Answer("sbatch", "", "sbatch: error: Batch job submission failed: Invalid partition name specified", 1)
            .Answer("scancel", "");
        Assert.Throws<SlurmCommandException>(() => Launcher(runner, Options(temp)).Launch(Chunks(temp, 4), CancellationToken.None));
        Assert.Equal(["41"], runner.Calls.Single(c => c.FileName == "scancel").Arguments);
    }

    [Fact]
    public void Per_protein_mode_submits_one_job_per_chunk()
    {
        using var temp = new TempFolder();
        var runner = new FakeProcessRunner().Answer("sbatch", "7\n").Answer("sbatch", "8\n");
        var ids = Launcher(runner, Options(temp, SlurmMode.PerProtein)).Launch(Chunks(temp, 2), CancellationToken.None);
        Assert.Equal(["7", "8"], ids);
        Assert.DoesNotContain("--array", File.ReadAllText(runner.Calls[0].Arguments[^1]));
    }

    [Fact]
    public void One_sacct_call_polls_every_task_and_maps_states_to_chunk_phases()
    {
        using var temp = new TempFolder();
        var runner = new FakeProcessRunner().Answer("sacct",
            "10|9_0|COMPLETED|0:0|||00:00:02|\n11|9_1|TIMEOUT|0:0|||00:01:02|\n12|9_2|OUT_OF_MEMORY|0:125|||00:00:09|\n" +
            "13|9_3|CANCELLED by 0|0:0|||00:00:01|\n9|9_[4-5%2]|PENDING|0:0|Unknown|Unknown|00:00:00|\n14|9_6|NODE_FAIL|0:0||||\n15|9_7|RUNNING|0:0||Unknown|00:00:01|\n16|9_8|WEIRD|0:0||||\n");
        runner.Answer("squeue", "");
        var states = Launcher(runner, Options(temp)).Poll(Enumerable.Range(0, 10).Select(i => $"9_{i}").ToList(), CancellationToken.None);
        Assert.Equal(1, runner.CallsTo("sacct"));
        Assert.Equal(ChunkPhase.Finished, states["9_0"].Phase);
        Assert.Equal(ChunkPhase.TimedOut, states["9_1"].Phase);
        Assert.Equal(ChunkPhase.Failed, states["9_2"].Phase);
        Assert.Contains("OUT_OF_MEMORY", states["9_2"].Detail);
        Assert.Equal(ChunkPhase.Cancelled, states["9_3"].Phase);
        Assert.Equal(ChunkPhase.Queued, states["9_5"].Phase);
        Assert.Contains("NODE_FAIL", states["9_6"].Detail);
        Assert.Equal(ChunkPhase.Running, states["9_7"].Phase);
        Assert.False(states["9_8"].IsTerminal);
        Assert.Equal(ChunkPhase.Lost, states["9_9"].Phase);
    }

    [Fact]
    public void Without_accounting_the_queue_and_scontrol_answer_and_the_fallback_is_logged_once()
    {
        using var temp = new TempFolder();
        var log = new List<string>();
        var runner = new FakeProcessRunner()
            .Answer("sacct", "", SlurmTestData.Read("sacct_dbd_down.err"), 1)
            .Answer("squeue", "5_1|5|RUNNING|None\n")
            .Answer("scontrol", SlurmTestData.Read("scontrol_job_timeout.txt"))
            .Answer("sacct", "", SlurmTestData.Read("sacct_disabled.err"), 1)
            .Answer("squeue", "5_1|5|RUNNING|None\n")
            .Answer("scontrol", SlurmTestData.Read("scontrol_job_timeout.txt"));
        var launcher = Launcher(runner, Options(temp), log);
        var states = launcher.Poll(["5_1", "4"], CancellationToken.None);
        Assert.Equal(ChunkPhase.Running, states["5_1"].Phase);
        Assert.Equal(ChunkPhase.TimedOut, states["4"].Phase);
        launcher.Poll(["5_1", "4"], CancellationToken.None);
        Assert.Single(log, m => m.Contains("squeue and scontrol"));
        Assert.Equal(["show", "job", "4"], runner.Calls.First(c => c.FileName == "scontrol").Arguments);
    }

    [Fact]
    public void A_failed_poll_keeps_the_last_known_states()
    {
        using var temp = new TempFolder();
        var runner = new FakeProcessRunner()
            .Answer("sacct", "10|9_0|RUNNING|0:0||||\n")
            .Answer("sacct", "", "sacct: error: Unable to contact slurm controller (connect failure)", 1);
        var launcher = Launcher(runner, Options(temp));
        Assert.Equal(ChunkPhase.Running, launcher.Poll(["9_0"], CancellationToken.None)["9_0"].Phase);
        Assert.Equal(ChunkPhase.Running, launcher.Poll(["9_0"], CancellationToken.None)["9_0"].Phase);
    }

    [Fact]
    public void A_job_just_submitted_but_not_yet_reported_counts_as_queued()
    {
        using var temp = new TempFolder();
        var runner = new FakeProcessRunner().Answer("sbatch", "7\n").Answer("sacct", "").Answer("squeue", "");
        var launcher = Launcher(runner, Options(temp, SlurmMode.PerProtein));
        launcher.Launch(Chunks(temp, 1), CancellationToken.None);
        Assert.Equal(ChunkPhase.Queued, launcher.Poll(["7"], CancellationToken.None)["7"].Phase);
    }

    [Fact]
    public void A_submission_recorded_without_its_job_id_is_found_by_name_and_folder()
    {
        using var temp = new TempFolder();
        var chunks = Chunks(temp, 3);
        var runner = new FakeProcessRunner()
            .Answer("scontrol", "MaxArraySize            = 101\n").Answer("sbatch", "41\n");
        Launcher(runner, Options(temp)).Launch(chunks, CancellationToken.None);
        var folder = Path.GetDirectoryName(runner.Calls[1].Arguments[^1])!;

        var rerun = new FakeProcessRunner().Answer("squeue", $"41_[1-2]|{folder}\n").Answer("sacct", "");
        var launcher = Launcher(rerun, Options(temp));
        Assert.Equal("41_2", launcher.FindLaunched(RunId, chunks[2].ChunkId, chunks[2].ManifestPath, CancellationToken.None));
        Assert.Null(launcher.FindLaunched(RunId, "other", temp.File("work/other.manifest.json"), CancellationToken.None));
        Assert.Equal(1, rerun.CallsTo("squeue"));
    }

    [Fact]
    public void Run_start_comes_from_the_run_id()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero), SlurmLauncher.RunStart(RunId));
    }

    [Fact]
    public void A_poll_asks_one_sacct_call_for_the_jobs_of_open_tasks_only_by_id_and_a_very_large_set_by_run_name()
    {
        using var temp = new TempFolder();
        var runner = new FakeProcessRunner().Answer("sacct", "21|20_0|RUNNING|0:0||Unknown|00:00:01|\n30|30_[0-3]|PENDING|0:0|Unknown|Unknown|00:00:00|\n");
        var states = Launcher(runner, Options(temp)).Poll(["20_0", "30_1", "30_2"], CancellationToken.None);
        var call = runner.Calls.Single(c => c.FileName == "sacct");
        Assert.Equal("20,30", call.Arguments[call.Arguments.ToList().IndexOf("--jobs") + 1]);
        Assert.DoesNotContain("--name", call.Arguments);
        Assert.Equal(0, runner.CallsTo("squeue"));
        Assert.Equal(ChunkPhase.Running, states["20_0"].Phase);
        Assert.Equal(ChunkPhase.Queued, states["30_2"].Phase);

        // Per-protein jobs of a large run would not fit one command line: by run name instead.
        var many = new FakeProcessRunner().Answer("sacct", "").Answer("squeue", "");
        Launcher(many, Options(temp)).Poll(Enumerable.Range(1, SlurmLauncher.MaxJobsPerSacctCall + 1).Select(i => $"{i}").ToList(), CancellationToken.None);
        var byName = many.Calls.First(c => c.FileName == "sacct");
        Assert.Contains("--name", byName.Arguments);
        Assert.DoesNotContain("--jobs", byName.Arguments);
    }
}
