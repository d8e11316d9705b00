using System.Management.Automation;
using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

public abstract partial class JobRunCmdlet
{
    /// <summary>One coordinator run on a worker thread; progress, launcher messages and results go to the pipeline.</summary>
    protected void Execute(TrackingDatabase tracker, IChunkLauncher launcher, ExecutionOptions options, IReadOnlyList<ProteinTask> tasks, string runId)
    {
        var activity = launcher.WorkersOutliveCaller ? "Submitting chains to SLURM" : "Running chains on this machine";
        var reporter = new ProgressReporter(1, activity, tasks.Count);
        ExecutionProgress? latest = null;
        ExecutionResult? result = null;
        using var pump = new PipelinePump();
        var progress = new Progress(p => Volatile.Write(ref latest, p));
        var coordinator = new ChunkCoordinator(tracker, launcher, options, runId);
        // Local runs hand on each chain as soon as it is recorded (Submit-EcodJob | ... starts downstream at once).
        var emitted = new HashSet<long>();
        coordinator.JobRecorded = job => pump.Post(() => { if (emitted.Add(job.Id)) EmitJob(job); });
        WriteVerbose($"Run {coordinator.RunId}: taking the tracking database's lease");
        BeginNotifications(tracker);
        using var interrupt = StopOnSigint(launcher);
        try
        {
            RunStoppable(() => WarnIfInterrupted(() => pump.Run(
                token => System.Threading.Tasks.Task.Run(() => result = coordinator.Run(tasks, progress, token,
                    owner => pump.Post(() => WriteVerbose($"Waiting: the tracking database is in use by {owner.Describe()}"))), token),
                CancellationToken,
                TimeSpan.FromMilliseconds(250),
                () =>
                {
                    FlushLauncherMessages();
                    var p = Volatile.Read(ref latest);
                    if (p is not null) WriteProgress(reporter.Build(p.Done, p.Failed, p.CurrentProteinId));
                    LookForAlerts();
                })));
        }
        catch (Exception ex) when (NoteRunError(ex))
        {
            throw; // never reached: the filter only remembers the error for the run's notification
        }
        catch (PipelineStoppedException)
        {
            SayStopped(result, launcher.WorkersOutliveCaller);
            throw;
        }
        catch (Exception ex) when (IsRunFailure(ex))
        {
            FlushLauncherMessages();
            FailRun(ex);
        }
        finally
        {
            EndNotifications(result, runId);
        }
        if (CancellationToken.IsCancellationRequested) SayStopped(result, launcher.WorkersOutliveCaller);
        FlushLauncherMessages();
        WriteProgress(reporter.Completed());
        if (result is null) return;
        if (launcher is SlurmLauncher slurm)
            WriteVerbose($"SLURM: {slurm.SbatchCalls} sbatch call(s) for {result.Submitted} chain(s); Get-EcodJobStatus -Refresh or -Wait follows them");
        Report(result);
        WriteChainBlastWarnings(tracker, result);
        foreach (var job in result.Jobs.Where(j => emitted.Add(j.Id))) EmitJob(job);
        if (result.Cancelled) throw new PipelineStoppedException();
    }

    /// <summary>A chain's job to the pipeline; a failed one also as a non-terminating error (its error and error class).</summary>
    private void EmitJob(JobRecord job)
    {
        WriteObject(job);
        if (JobStatus.IsRetryable(job.Status) && job.Error is not null)
        {
            WriteItemError(new InvalidDataException($"{job.ProteinId} ({job.BatchName}): {job.Error}"),
                "EcodJobFailed", ErrorCategory.InvalidData, job);
        }
    }

    private sealed class Progress(Action<ExecutionProgress> report) : IProgress<ExecutionProgress>
    {
        public void Report(ExecutionProgress value) => report(value);
    }
}
