using EcodMini.Core.Configuration;

namespace EcodMini.Core.Slurm;

/// <summary>Turns the configuration's <c>slurm:</c> section into launch options (paths resolved like every configured path).</summary>
public static class SlurmConfigurationExtensions
{
    /// <summary>
    /// Launch options for one run. <paramref name="workerProgram"/> is the submitting session's pwsh, used unless
    /// slurm.worker_pwsh says otherwise; <paramref name="module"/> is the run's pinned module (slurm.worker_module
    /// resolved by <see cref="WorkerModules.WorkerModuleResolver"/>). Values are validated when the first job script is written.
    /// </summary>
    public static SlurmLaunchOptions ToSlurmLaunchOptions(this LoadedConfiguration loaded, string runId, SlurmMode mode,
        IReadOnlyList<string> workerProgram, WorkerModules.WorkerModule module, double resourceFactor = 1, bool raiseTime = false, bool raiseMemory = false,
        string? trackerPath = null)
    {
        var s = loaded.Configuration.Slurm;
        var time = raiseTime ? SlurmResourceScaler.ScaleTime(s.Time, resourceFactor) : s.Time;
        var memory = raiseMemory ? SlurmResourceScaler.ScaleMemory(s.Memory, resourceFactor) : s.Memory;
        var export = SlurmJobEnvironment.ExportArgument(
            (s.ExportVariables ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), [loaded.Configuration.Database.PasswordEnv]);
        return new SlurmLaunchOptions
        {
            RunId = runId,
            Mode = mode,
            ScriptDirectory = loaded.JobScriptDirectory(trackerPath),
            Export = export,
            UnsetForSbatch = SlurmJobEnvironment.Unset([loaded.Configuration.Database.PasswordEnv]),
            SubmitDelay = TimeSpan.FromSeconds(s.SubmitDelay),
            Script = new JobScriptRequest
            {
                JobName = SlurmLaunchOptions.JobNameFor(runId),
                Partition = s.Partition,
                Time = time,
                Memory = memory,
                CpusPerTask = s.CpusPerTask,
                MaxConcurrent = s.MaxConcurrentJobs,
                LogDirectory = loaded.LogDirectoryPath(),
                EnvSetupScript = s.EnvSetupScript is null ? null : loaded.ResolvePath(s.EnvSetupScript),
                WorkerProgram = s.WorkerPwsh is null ? workerProgram : [loaded.ResolvePath(s.WorkerPwsh)],
                Module = module,
                WarningSeconds = WorkerProgram.WarningSeconds(time),
                Export = export["--export=".Length..],
                WorkingDirectory = "/",
                ManifestPath = "/",
            },
        };
    }

    /// <summary>slurm.job_script_dir, or by default a <c>jobs</c> folder beside the tracking database (<paramref name="trackerPath"/> when a cmdlet names another).</summary>
    public static string JobScriptDirectory(this LoadedConfiguration loaded, string? trackerPath = null)
    {
        var configured = loaded.Configuration.Slurm.JobScriptDir;
        if (configured is not null) return loaded.ResolvePath(configured);
        var tracker = Path.GetFullPath(trackerPath ?? loaded.TrackingDatabasePath());
        return Path.Combine(Path.GetDirectoryName(tracker) ?? "/", "jobs");
    }
}
