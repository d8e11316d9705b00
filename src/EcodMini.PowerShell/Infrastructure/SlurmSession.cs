using System.Collections.Concurrent;
using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Processes;
using EcodMini.Core.Slurm;
using EcodMini.Core.WorkerModules;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>What a cmdlet needs to name the worker pwsh and module, and a polling-only SLURM launcher.</summary>
internal static class SlurmSession
{
    /// <summary>slurm.worker_pwsh, else this session's pwsh (dotnet + pwsh.dll for the .NET tool).</summary>
    public static IReadOnlyList<string> WorkerProgram(PSCmdlet cmdlet, EcodConfiguration settings) =>
        Core.Slurm.WorkerProgram.Resolve(settings.Slurm.WorkerPwsh, Environment.ProcessPath,
            cmdlet.SessionState.PSVariable.GetValue("PSHOME") as string);

    /// <summary>The module this session loaded: its version and manifest (what workers import unless slurm.worker_module says otherwise).</summary>
    public static WorkerModule SessionModule(PSCmdlet cmdlet)
    {
        var module = cmdlet.MyInvocation.MyCommand.Module;
        return module is null
            ? new WorkerModule { Version = typeof(SlurmSession).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", ManifestPath = "/" }
            : new WorkerModule { Version = module.Version.ToString(), ManifestPath = Path.Combine(module.ModuleBase, WorkerModule.ManifestFileName) };
    }

    /// <summary>
    /// The module a run's workers run: slurm.worker_module resolved on this (head) node, else this session's module.
    /// Throws <see cref="WorkerModuleException"/> when the configured module is not there.
    /// </summary>
    public static WorkerModule ResolveWorkerModule(PSCmdlet cmdlet, LoadedConfiguration loaded) =>
        WorkerModuleResolver.Resolve(loaded.Configuration.Slurm.WorkerModule, loaded.ResolvePath,
            WorkerModuleResolver.ModuleRoots(Environment.GetEnvironmentVariable("PSModulePath")), SessionModule(cmdlet));

    /// <summary>A launcher that only polls, reconciles and cancels (status refresh, Stop-EcodJob); messages go to <paramref name="log"/>.</summary>
    public static SlurmLauncher Poller(PSCmdlet cmdlet, LoadedConfiguration loaded, string runId, ConcurrentQueue<string> log)
    {
        IReadOnlyList<string> program;
        try { program = WorkerProgram(cmdlet, loaded.Configuration); }
        catch (InvalidOperationException) { program = ["/unused"]; } // never submits
        var options = loaded.ToSlurmLaunchOptions(runId, SlurmMode.Array, program, SessionModule(cmdlet));
        return new SlurmLauncher(Client(loaded.Configuration), options, log.Enqueue);
    }

    /// <summary>What the cluster checks look at, for the given launch options and tracking database.</summary>
    public static Core.Slurm.Preflight.ClusterCheckContext ClusterContext(EcodConfiguration settings, SlurmLaunchOptions launch,
        string trackerPath, TimeSpan probeTimeout) => new()
    {
        Client = Client(settings), Launch = launch, ProbeTimeout = probeTimeout,
        TrackerDirectory = Path.GetDirectoryName(Path.GetFullPath(trackerPath)) ?? "/",
    };

    /// <summary>A SLURM client whose commands never see the password variable.</summary>
    public static SlurmClient Client(EcodConfiguration settings) =>
        new(new ProcessRunner(), new SlurmClientOptions { Unset = SlurmJobEnvironment.Unset([settings.Database.PasswordEnv]) });
}
