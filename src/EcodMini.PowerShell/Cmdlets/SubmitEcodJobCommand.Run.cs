using System.Management.Automation;
using EcodMini.Core.Execution;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Submit-EcodJob's run: one coordinator call on a worker thread, progress and messages pumped to the pipeline.</summary>
public sealed partial class SubmitEcodJobCommand
{
    private void Execute(TrackingDatabase tracker, IChunkLauncher launcher, ExecutionOptions options)
    {
        var reporter = new ProgressReporter(1, "Running chains on this machine", _tasks.Count);
        ExecutionProgress? latest = null;
        ExecutionResult? result = null;
        using var pump = new PipelinePump();
        var progress = new Progress(p => Volatile.Write(ref latest, p));
        var coordinator = new ChunkCoordinator(tracker, launcher, options);
        WriteVerbose($"Run {coordinator.RunId}: taking the tracking database's lease");
        try
        {
            RunStoppable(() => pump.Run(
                token => System.Threading.Tasks.Task.Run(() => result = coordinator.Run(_tasks, progress, token,
                    owner => pump.Post(() => WriteVerbose($"Waiting: the tracking database is in use by {owner.Describe()}"))), token),
                CancellationToken,
                TimeSpan.FromMilliseconds(250),
                () =>
                {
                    var p = Volatile.Read(ref latest);
                    if (p is not null) WriteProgress(reporter.Build(p.Done, p.Failed, p.CurrentProteinId));
                }));
        }
        catch (TrackingDatabaseException ex)
        {
            FailTracker(ex);
        }
        catch (WorkDirectoryInUseException ex)
        {
            Fail(ex, "EcodWorkDirectoryInUse", ErrorCategory.ResourceBusy, ex.WorkDirectory);
        }
        WriteProgress(reporter.Completed());
        if (result is null) return;
        Report(result);
        foreach (var job in result.Jobs)
        {
            WriteObject(job);
            if (JobStatus.IsRetryable(job.Status) && job.Error is not null)
            {
                WriteItemError(new InvalidDataException($"{job.ProteinId} ({job.BatchName}): {job.Error}"),
                    "EcodJobFailed", ErrorCategory.InvalidData, job);
            }
        }
        if (result.Cancelled) throw new PipelineStoppedException();
    }

    private void Report(ExecutionResult r)
    {
        if (r.TookOverFrom is { } previous)
            WriteWarning($"Took the tracking database over from {previous.Describe()}, which is gone; its running jobs were reconciled");
        if (r.Recovered.Recorded > 0)
            WriteVerbose($"Recovered {r.Recovered.Recorded} result record(s) left by an earlier run and ingested them first");
        WriteVerbose($"Run {r.RunId}: {r.Requested} chain(s) requested: {r.SkippedCompleted} already completed (not run again), " +
                     $"{r.RetryNotDue} deferred (retry delay not passed), {r.RetriesExhausted} failed for good (retries used up), " +
                     $"{r.InProgress} still running elsewhere, {r.Submitted} run; " +
                     $"{r.Completed} completed, {r.Failed} failed, {r.NotRun} not run, in {r.Duration.TotalSeconds:N1} s");
        var ingested = r.Ingested.Add(r.Recovered);
        if (ingested.Stale > 0)
            WriteVerbose($"{ingested.Stale} result record(s) of older attempts were stored as history only");
        foreach (var issue in r.ResultFileIssues) WriteWarning(issue);
        if (r.RetryNotDue > 0)
            WriteWarning($"{r.RetryNotDue} failed chain(s) were deferred: their retry delay (processing.retry_delay, doubled per retry) has not passed; -Force runs them now");
        if (r.RetriesExhausted > 0)
            WriteWarning($"{r.RetriesExhausted} chain(s) are failed for good (processing.max_retries reached); -Force runs them again");
        if (r.Failed > 0)
            WriteWarning($"{r.Failed} chain(s) failed; see Get-EcodJobStatus -Status failed");
    }

    private sealed class Progress(Action<ExecutionProgress> report) : IProgress<ExecutionProgress>
    {
        public void Report(ExecutionProgress value) => report(value);
    }
}
