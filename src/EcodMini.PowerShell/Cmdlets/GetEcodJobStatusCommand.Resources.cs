using EcodMini.Core.Costs;
using EcodMini.Core.Processes;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Cmdlets;

public sealed partial class GetEcodJobStatusCommand
{
    /// <summary>After a refresh: sacct's MaxRSS, Elapsed and TotalCPU of SLURM tasks that ended since the last one, stored per task.</summary>
    private void CollectResources(TrackingDatabase tracker)
    {
        if (tracker.GetUnmeasuredRuns().Count == 0) return;
        try
        {
            var stored = ResourceCollector.Collect(tracker, new SlurmClient(new ProcessRunner()), CancellationToken);
            WriteVerbose(stored is null
                ? "Task resources: sacct cannot answer (accounting disabled); no MaxRSS/Elapsed/TotalCPU figures stored"
                : $"Task resources: {stored} finished SLURM task(s) measured from sacct (MaxRSS, Elapsed, TotalCPU)");
        }
        catch (Exception ex) when (ex is SlurmCommandException or ProcessStartException or TrackingDatabaseException or TrackerLeaseHeldException)
        {
            WriteVerbose($"Task resources not collected now: {ex.Message}");
        }
    }
}
