using System.Management.Automation;
using EcodMini.Core.Costs;
using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

public abstract partial class JobRunCmdlet
{
    /// <summary>
    /// The SLURM run's cost estimate: the chains that would run, in tasks of the chunk size, at the run's concurrency cap,
    /// timed by the tracker's per-chain history by sequence-length bucket (the default model without history).
    /// </summary>
    protected RunEstimate EstimateSlurmRun(IReadOnlyList<ProteinTask> tasks, ExecutionOptions options, string runId,
        double resourceFactor = 1, bool raiseTime = false, bool raiseMemory = false)
    {
        var script = SlurmLaunchOptions(runId, resourceFactor, raiseTime, raiseMemory).Script;
        var model = ChainTimeModel.Default;
        var path = TrackerPath(TrackingDatabase);
        if (File.Exists(path))
        {
            try
            {
                using var tracker = Core.Tracking.TrackingDatabase.Open(path, new TrackingOpenOptions { ReadOnly = true });
                model = ChainTimeModel.FromHistory(tracker.GetChainTimings());
            }
            catch (TrackingDatabaseException ex)
            {
                WriteVerbose($"Cost estimate: {ex.Message}; using the default model");
            }
        }
        var estimate = RunEstimator.ForTasks(tasks, options.ChunkSize, script.MaxConcurrent, script.CpusPerTask, model, options.Submission.Force);
        WriteVerbose($"Cost estimate: {estimate.Describe()}");
        return estimate;
    }

    /// <summary>Keeps the estimate with the run so statistics can show it against what the run used.</summary>
    protected void RecordEstimate(TrackingDatabase tracker, string runId, RunEstimate? estimate)
    {
        if (estimate is null) return;
        try { tracker.RecordRunEstimate(runId, "slurm", estimate); }
        catch (Exception ex) when (ex is TrackingDatabaseException or TrackerLeaseHeldException)
        {
            WriteWarning($"The run's cost estimate was not recorded: {ex.Message}");
        }
    }
}
