using System.Collections.Concurrent;
using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;
using EcodMini.Core.WorkerModules;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that run chains (Submit-EcodJob, Restart-EcodJob): executor choice, the shared parameters,
/// preflight, and one coordinator run on a worker thread with progress and messages pumped to the pipeline. The
/// executor only changes the launcher; everything else is the same for both.
/// </summary>
public abstract partial class JobRunCmdlet : EcodConfiguredCmdlet
{
    private readonly ConcurrentQueue<string> _launcherMessages = new();
    private WorkerModule? _pinnedModule;
    private bool _saidStopped;

    /// <summary>Where chains run: Local (this machine's cores) or Slurm (job arrays); default: execution.executor.</summary>
    [Parameter]
    [ValidateSet("Local", "Slurm")]
    public string? Executor { get; set; }

    /// <summary>SLURM only: Array (chunks as array tasks, default) or PerProtein (one job per chain).</summary>
    [Parameter]
    public SlurmMode Mode { get; set; } = SlurmMode.Array;

    [Parameter]
    public string? ReferenceDirectory { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    [Parameter]
    public string? WorkDirectory { get; set; }

    [Parameter]
    [ValidateRange(1, 100000)]
    public int? ChunkSize { get; set; }

    /// <summary>Wait for another run that owns the tracking database to end, instead of stopping.</summary>
    [Parameter]
    public SwitchParameter WaitForLease { get; set; }

    /// <summary>SLURM tasks (array mode) or jobs (per-protein mode) running at once for this call; null: slurm.max_concurrent_jobs.</summary>
    protected virtual int? SlurmConcurrency => null;

    protected bool UsesSlurm => string.Equals(Executor ?? Settings.Execution.Executor, ExecutionSettings.Slurm, StringComparison.OrdinalIgnoreCase);

    /// <summary>The configuration's executor options with the shared parameters on top, shaped for the executor.</summary>
    protected ExecutionOptions BuildOptions(Func<ExecutionOptions, ExecutionOptions>? adjust = null)
    {
        var configured = Loaded.ToExecutionOptions();
        var options = configured with
        {
            ChunkSize = ChunkSize ?? configured.ChunkSize,
            WorkDirectory = string.IsNullOrEmpty(WorkDirectory) ? configured.WorkDirectory : ResolvePath(WorkDirectory),
            ReferenceDirectory = string.IsNullOrEmpty(ReferenceDirectory) ? configured.ReferenceDirectory : ResolvePath(ReferenceDirectory),
            Lease = configured.Lease with { Wait = WaitForLease.IsPresent },
        };
        options = adjust?.Invoke(options) ?? options;
        options = options with { WorkerModule = PinnedModule };
        if (!UsesSlurm) return options;
        // Arrays: every chunk launches at once (SLURM throttles with %max_concurrent_jobs), chunks hold exactly
        // ChunkSize chains. Per protein: one chain per job, max_concurrent_jobs submitted at a time.
        var perProtein = Mode == SlurmMode.PerProtein;
        return options with
        {
            ThrottleLimit = perProtein ? SlurmConcurrency ?? Settings.Slurm.MaxConcurrentJobs : int.MaxValue / 4,
            ChunkSize = perProtein ? 1 : options.ChunkSize,
            ShrinkChunksForSmallRuns = false,
            ReturnAfterLaunch = true,
            PollInterval = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>Checks reference data, work and output folders before anything is marked; returns the local launcher's reference.</summary>
    protected Core.Inputs.ReferenceData Preflight(ExecutionOptions options, IReadOnlyList<ProteinTask> tasks)
    {
        try
        {
            var reference = ExecutionPreflight.Check(options, tasks, CancellationToken);
            WriteVerbose($"Reference data: {reference.DomainCount} domains on {reference.ChainCount} chains; work, log and output folders writable");
            return reference;
        }
        catch (ExecutionPreflightException ex)
        {
            var (id, category) = ex.Problem switch
            {
                PreflightProblem.ReferenceData => ("EcodReferenceDataInvalid", ErrorCategory.ObjectNotFound),
                PreflightProblem.WorkDirectory => ("EcodWorkDirectoryNotWritable", ErrorCategory.PermissionDenied),
                PreflightProblem.LogDirectory => ("EcodLogDirectoryNotWritable", ErrorCategory.PermissionDenied),
                _ => ("EcodOutputFolderNotWritable", ErrorCategory.PermissionDenied),
            };
            Fail(ex, id, category, ex.FaultPath);
            throw;
        }
    }

    /// <summary>The launcher for this call: threads of this process, or SLURM jobs named after <paramref name="runId"/>.</summary>
    protected IChunkLauncher CreateLauncher(ExecutionOptions options, Core.Inputs.ReferenceData reference, string runId,
        double resourceFactor = 1, bool raiseTime = false, bool raiseMemory = false)
    {
        if (!UsesSlurm) return ThreadLauncher.ForPartitioning(reference, options.PartitionOptions, options.Format);
        var launch = SlurmLaunchOptions(runId, resourceFactor, raiseTime, raiseMemory);
        WriteVerbose($"SLURM: jobs named {Core.Slurm.SlurmLaunchOptions.JobNameFor(runId)}, {Mode} mode, partition {launch.Script.Partition ?? "(cluster default)"}, " +
                     $"time {launch.Script.Time}, memory {launch.Script.Memory}, {launch.Script.CpusPerTask} cpu(s), " +
                     $"{launch.Script.MaxConcurrent} at once; scripts under {launch.ScriptDirectory}, logs under {launch.Script.LogDirectory}; " +
                     $"workers run {string.Join(" ", launch.Script.WorkerProgram)} with {launch.Script.Module.Describe()}");
        return new SlurmLauncher(SlurmSession.Client(Settings), launch, _launcherMessages.Enqueue);
    }

    /// <summary>A launcher for polling and cancelling only (no submission): status refreshes and Stop-EcodJob.</summary>
    protected SlurmLauncher CreatePollingLauncher(string runId, double resourceFactor = 1, bool raiseTime = false, bool raiseMemory = false) =>
        new(SlurmSession.Client(Settings), SlurmLaunchOptions(runId, resourceFactor, raiseTime, raiseMemory), _launcherMessages.Enqueue);

    protected void EnqueueLauncherMessage(string message) => _launcherMessages.Enqueue(message);

    private SlurmLaunchOptions SlurmLaunchOptions(string runId, double factor, bool raiseTime, bool raiseMemory)
    {
        IReadOnlyList<string> program;
        try
        {
            program = SlurmSession.WorkerProgram(this, Settings);
        }
        catch (InvalidOperationException ex)
        {
            Fail(ex, "EcodWorkerProgramUnknown", ErrorCategory.InvalidOperation, Environment.ProcessPath);
            throw;
        }
        try
        {
            var launch = Loaded.ToSlurmLaunchOptions(runId, Mode, program, PinnedModule, factor, raiseTime, raiseMemory,
                TrackerPath(TrackingDatabase));
            return SlurmConcurrency is { } limit ? launch with { Script = launch.Script with { MaxConcurrent = limit } } : launch;
        }
        catch (UnsafeJobValueException ex)
        {
            Fail(ex, "EcodJobScriptValueUnsafe", ErrorCategory.InvalidArgument, ex.Setting);
            throw;
        }
    }

    /// <summary>
    /// The module this call's run pins (recorded on its attempts, imported and checked by its workers): for SLURM,
    /// slurm.worker_module checked here on the head node, else this session's module. A configured module that is not
    /// there stops the cmdlet before anything is marked or submitted.
    /// </summary>
    protected WorkerModule PinnedModule => _pinnedModule ??= ResolvePinnedModule();

    private WorkerModule ResolvePinnedModule()
    {
        if (!UsesSlurm) return SlurmSession.SessionModule(this);
        try
        {
            var module = SlurmSession.ResolveWorkerModule(this, Loaded);
            WriteVerbose($"Workers pinned to {module.Describe()}, imported {(module.ImportByName ? "by name with -RequiredVersion" : "by path")}");
            return module;
        }
        catch (WorkerModuleException ex)
        {
            Fail(ex, "EcodWorkerModuleNotFound", ErrorCategory.ObjectNotFound, ex.Setting);
            throw;
        }
    }

    /// <summary>Writes what the launcher decided (array splits, fallbacks, reconciled jobs) as verbose lines.</summary>
    protected void FlushLauncherMessages()
    {
        while (_launcherMessages.TryDequeue(out var message)) WriteVerbose(message);
    }
}
