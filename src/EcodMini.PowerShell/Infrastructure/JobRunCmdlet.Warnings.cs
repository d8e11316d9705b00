using EcodMini.Core.Execution;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

public abstract partial class JobRunCmdlet
{
    /// <summary>A warning per chain of the run whose raw chain BLAST was missing or unusable (the message names the file).</summary>
    private void WriteChainBlastWarnings(TrackingDatabase tracker, ExecutionResult result)
    {
        foreach (var (protein, message) in tracker.GetChainBlastWarnings(result.RunId)) WriteWarning($"{protein}: {message}");
    }
}
