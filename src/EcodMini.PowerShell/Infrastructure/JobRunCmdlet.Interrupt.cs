using System.Management.Automation;
using EcodMini.Core.Execution;

namespace EcodMini.PowerShell.Infrastructure;

public abstract partial class JobRunCmdlet
{
    /// <summary>
    /// SIGINT (Ctrl+C, kill -INT) stops a SLURM submission cleanly even where the host does not turn it into a pipeline
    /// stop; local runs leave SIGINT to the host.
    /// </summary>
    private IDisposable? StopOnSigint(IChunkLauncher launcher) =>
        launcher.WorkersOutliveCaller && !OperatingSystem.IsWindows()
            ? System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, signal =>
            {
                signal.Cancel = true;
                StopProcessing();
            })
            : null;

    /// <summary>
    /// After Ctrl+C: one line on the host (the pipeline no longer takes output) saying what was done and how to go on.
    /// Said once per call, however the stop arrived.
    /// </summary>
    private void SayStopped(ExecutionResult? result, bool cluster)
    {
        if (_saidStopped) return;
        _saidStopped = true;
        try { Host?.UI?.WriteLine(RunStopMessage.Describe(result, cluster)); }
        catch (Exception ex) when (ex is PipelineStoppedException or InvalidOperationException or IOException) { }
    }

    /// <summary>
    /// Ctrl+C during sbatch: says what was submitted and that the next command adopts it. Written to the host (the
    /// pipeline no longer takes output once it is stopping), then the stop goes on.
    /// </summary>
    private void WarnIfInterrupted(Action work)
    {
        try { work(); }
        catch (LaunchInterruptedException ex)
        {
            try { Host.UI.WriteWarningLine(ex.Message); }
            catch (Exception hostError) when (hostError is PSInvalidOperationException or NotImplementedException or InvalidOperationException)
            {
                Console.Error.WriteLine("WARNING: " + ex.Message);
            }
            throw;
        }
    }
}
