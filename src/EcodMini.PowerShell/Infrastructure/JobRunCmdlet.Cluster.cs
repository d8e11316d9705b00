using System.Management.Automation;
using EcodMini.Core.Slurm.Preflight;

namespace EcodMini.PowerShell.Infrastructure;

public abstract partial class JobRunCmdlet
{
    /// <summary>The preflight marker: the settings a passed Test-EcodCluster run checked (kept a day in job_script_dir).</summary>
    private const string PreflightMarker = ".ecod-preflight-passed";

    /// <summary>SLURM only: submit without the cluster preflight (Test-EcodCluster's checks, run before the first sbatch).</summary>
    [Parameter]
    public SwitchParameter SkipPreflight { get; set; }

    /// <summary>
    /// Before the first sbatch: Test-EcodCluster's checks (the probe waits at most 60 s; a probe the busy cluster
    /// keeps queued or running longer is a warning). A failed check stops the submission with its fix. A pass is remembered for a day
    /// per job_script_dir and settings, so repeated submissions do not probe again.
    /// </summary>
    protected void CheckCluster(string runId)
    {
        if (!UsesSlurm || SkipPreflight.IsPresent) return;
        var launch = SlurmLaunchOptions(runId, 1, false, false);
        var context = SlurmSession.ClusterContext(Settings, launch, TrackerPath(TrackingDatabase), TimeSpan.FromSeconds(60));
        var key = string.Join("|", launch.Script.Partition, string.Join(" ", launch.Script.WorkerProgram), launch.Script.Module.Describe(),
            MyInvocation.MyCommand.Module?.Version.ToString() ?? "0.0", string.Join(",", context.SharedFolders.Select(f => f.Path)), launch.Export);
        var marker = Path.Combine(launch.ScriptDirectory, PreflightMarker);
        if (File.Exists(marker) && File.GetLastWriteTimeUtc(marker) > DateTime.UtcNow.AddDays(-1) && File.ReadAllText(marker) == key)
        {
            WriteVerbose($"Cluster preflight passed within the last day for these settings ({marker}); not probing again");
            return;
        }
        WriteVerbose("Cluster preflight (Test-EcodCluster's checks; -SkipPreflight skips them)");
        var results = RunStoppableValue(() => ClusterPreflight.Run(context, CancellationToken));
        foreach (var r in results)
        {
            WriteVerbose($"Preflight {r.Check}: {r.Status}: {r.Detail}");
            if (r.Status == ClusterCheckStatus.Warning) WriteWarning($"Preflight {r.Check}: {r.Detail}. {r.Fix}");
        }
        var failed = results.Where(r => r.Status == ClusterCheckStatus.Failed).ToList();
        if (failed.Count > 0)
            Fail(new InvalidOperationException("The cluster cannot run these jobs; nothing was submitted. " +
                    string.Join(" ", failed.Select(r => $"[{r.Check}] {r.Detail}. Fix: {r.Fix}."))),
                "EcodClusterPreflightFailed", ErrorCategory.ResourceUnavailable, failed);
        if (results.All(r => r.Status == ClusterCheckStatus.Passed))
        {
            try { File.WriteAllText(marker, key); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { WriteVerbose($"{marker}: not written ({ex.Message})"); }
        }
    }
}
