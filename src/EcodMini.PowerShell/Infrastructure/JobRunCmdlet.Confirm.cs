using System.Management.Automation;
using EcodMini.Core.Costs;
using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;
using EcodMini.Core.Slurm;

namespace EcodMini.PowerShell.Infrastructure;

public abstract partial class JobRunCmdlet
{
    /// <summary>
    /// -WhatIf for SLURM: shows each sbatch command with the job script it would submit, writes and submits nothing.
    /// Returns false when the caller should not go on (declined, or -WhatIf).
    /// </summary>
    protected bool ConfirmRun(IReadOnlyList<ProteinTask> tasks, ExecutionOptions options, string runId,
        double resourceFactor = 1, bool raiseTime = false, bool raiseMemory = false)
    {
        var target = $"{tasks.Count} chain(s) in {tasks.Select(t => t.BatchName).Distinct().Count()} batch(es)";
        if (!UsesSlurm) return ShouldProcess(target, "Submit to the local executor");
        var chunks = (tasks.Count + options.ChunkSize - 1) / options.ChunkSize;
        IReadOnlyList<(string Command, string Script)> preview;
        try
        {
            preview = CreatePollingLauncher(runId, resourceFactor, raiseTime, raiseMemory).Preview(chunks, CancellationToken);
        }
        catch (Exception ex) when (ex is SlurmCommandException or Core.Processes.ProcessStartException or UnsafeJobValueException)
        {
            Fail(ex, ex is UnsafeJobValueException ? "EcodJobScriptValueUnsafe" : "EcodSlurmUnavailable",
                ex is UnsafeJobValueException ? ErrorCategory.InvalidArgument : ErrorCategory.ResourceUnavailable, target);
            throw;
        }
        var text = string.Join("\n", preview.Select(p => $"{p.Command}\n{p.Script}"));
        Estimate = EstimateSlurmRun(tasks, options, runId, resourceFactor, raiseTime, raiseMemory);
        return ShouldProcess($"Submit {target} to SLURM as {preview.Count} submission(s) of {chunks} chunk(s).\n" +
            $"Estimated cost: {Estimate.Describe()}\n{text}",
            $"Submit {target} to SLURM? Estimated cost: {Estimate.Describe()}", "Submit-EcodJob");
    }

    /// <summary>The last SLURM run's cost estimate (set by <see cref="ConfirmRun"/>).</summary>
    protected RunEstimate? Estimate { get; private set; }
}
