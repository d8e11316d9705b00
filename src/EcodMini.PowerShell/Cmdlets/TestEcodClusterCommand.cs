using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Execution;
using EcodMini.Core.Slurm;
using EcodMini.Core.Slurm.Preflight;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Checks that the cluster can run this configuration's jobs: SLURM's commands answer, the partition is up, the
/// folders jobs use are writable here and visible from a compute node (one tiny probe job), and the worker module
/// imports there at this session's version. One result per check; a failed check names its fix.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "EcodCluster")]
[OutputType(typeof(ClusterCheckResult))]
public sealed class TestEcodClusterCommand : EcodConfiguredCmdlet
{
    /// <summary>The tracking database whose folder the jobs must see (default: paths.tracking_db).</summary>
    [Parameter]
    public string? TrackingDatabase { get; set; }

    /// <summary>Longest wait, in seconds, for the probe job (its queue time included).</summary>
    [Parameter]
    [ValidateRange(5, 3600)]
    public int ProbeTimeoutSeconds { get; set; } = 120;

    protected override void EndProcessing()
    {
        SlurmLaunchOptions launch;
        try
        {
            launch = Loaded.ToSlurmLaunchOptions(ChunkCoordinator.NewRunId(), SlurmMode.Array, SlurmSession.WorkerProgram(this, Settings),
                SlurmSession.ResolveWorkerModule(this, Loaded), trackerPath: TrackerPath(TrackingDatabase));
        }
        catch (Core.WorkerModules.WorkerModuleException ex)
        {
            Fail(ex, "EcodWorkerModuleNotFound", ErrorCategory.ObjectNotFound, Settings.Slurm.WorkerModule);
            return;
        }
        catch (Exception ex) when (ex is UnsafeJobValueException or InvalidOperationException)
        {
            Fail(ex, "EcodClusterSettingsInvalid", ErrorCategory.InvalidArgument, ex is UnsafeJobValueException u ? u.Setting : null);
            return;
        }
        var context = SlurmSession.ClusterContext(Settings, launch, TrackerPath(TrackingDatabase), TimeSpan.FromSeconds(ProbeTimeoutSeconds));
        WriteVerbose($"Checking the cluster for partition {launch.Script.Partition ?? "(the cluster's default)"}, folders " +
                     string.Join(", ", context.SharedFolders.Select(f => f.Path)) + $", worker module {launch.Script.Module.Describe()}");
        var results = RunStoppableValue(() => ClusterPreflight.Run(context, CancellationToken));
        foreach (var result in results)
        {
            WriteVerbose($"{result.Check}: {result.Status} ({result.Duration.TotalSeconds:0.0} s): {result.Detail}");
            WriteObject(result);
            if (result.Status == ClusterCheckStatus.Failed)
                WriteError(new ErrorRecord(new InvalidOperationException($"{result.Check}: {result.Detail}. Fix: {result.Fix}"),
                    "EcodClusterCheckFailed", ErrorCategory.ResourceUnavailable, result));
            else if (result.Status == ClusterCheckStatus.Warning)
                WriteWarning($"{result.Check}: {result.Detail}. {result.Fix}");
        }
    }
}
