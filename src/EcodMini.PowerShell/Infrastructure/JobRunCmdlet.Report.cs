using System.Management.Automation;
using EcodMini.Core.Execution;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

public abstract partial class JobRunCmdlet
{
    /// <summary>The run's failures that end it with one error (the tracker, the work folder, SLURM, an unsafe job value).</summary>
    private static bool IsRunFailure(Exception ex) => ex is TrackingDatabaseException or WorkDirectoryInUseException
        or SlurmCommandException or Core.Processes.ProcessStartException or UnsafeJobValueException;

    /// <summary>The run's failure as an error record with its category and target.</summary>
    private void FailRun(Exception ex)
    {
        switch (ex)
        {
            case TrackingDatabaseException tracker: FailTracker(tracker); break;
            case WorkDirectoryInUseException busy: Fail(busy, "EcodWorkDirectoryInUse", ErrorCategory.ResourceBusy, busy.WorkDirectory); break;
            case SlurmCommandException slurm: Fail(slurm, "EcodSlurmSubmitFailed", ErrorCategory.ResourceUnavailable, slurm.Result.Command.Display); break;
            case Core.Processes.ProcessStartException start: Fail(start, "EcodSlurmUnavailable", ErrorCategory.ResourceUnavailable, start.FileName); break;
            case UnsafeJobValueException unsafeValue: Fail(unsafeValue, "EcodJobScriptValueUnsafe", ErrorCategory.InvalidArgument, unsafeValue.Setting); break;
        }
    }

    private void Report(ExecutionResult r)
    {
        foreach (var (run, chains) in r.HeldByOtherExecutor)
            WriteWarning($"{chains} chain(s) are held by SLURM run {run} (jobs named {Core.Slurm.SlurmLaunchOptions.JobNameFor(run)}): " +
                         "this run left them alone and did not run them. Get-EcodJobStatus -Refresh collects that run's results; " +
                         $"to stop it: Stop-EcodJob -All (or scancel --name={Core.Slurm.SlurmLaunchOptions.JobNameFor(run)})");
        if (r.TookOverFrom is { } previous)
            WriteWarning($"Took the tracking database over from {previous.Describe()}, which is gone; its running jobs were reconciled");
        if (r.Recovered.Recorded > 0)
            WriteVerbose($"Recovered {r.Recovered.Recorded} result record(s) left by an earlier run and ingested them first");
        WriteVerbose($"Run {r.RunId}: {r.Requested} chain(s) requested: {r.SkippedCompleted} already completed (not run again), " +
                     $"{r.RetryNotDue} deferred (retry delay not passed), {r.RetriesExhausted} failed for good (retries used up), " +
                     $"{r.FailedPermanently} failed permanently (not retried), " +
                     $"{r.InProgress} still running elsewhere, {r.Submitted} run; " +
                     $"{r.Completed} completed, {r.Failed} failed, {r.NotRun} not run, in {r.Duration.TotalSeconds:N1} s");
        if (r.LogPath is not null) WriteVerbose($"Run log: {r.LogPath}");
        var ingested = r.Ingested.Add(r.Recovered);
        if (ingested.Stale > 0)
            WriteVerbose($"{ingested.Stale} result record(s) of older attempts were stored as history only");
        foreach (var issue in r.ResultFileIssues) WriteWarning(issue);
        if (r.RetryNotDue > 0)
            WriteWarning($"{r.RetryNotDue} failed chain(s) were deferred: their retry delay (processing.retry_delay, doubled per retry) has not passed; -Force runs them now");
        if (r.RetriesExhausted > 0)
            WriteWarning($"{r.RetriesExhausted} chain(s) are failed for good (processing.max_retries reached); -Force runs them again");
        if (r.FailedPermanently > 0)
            WriteWarning($"{r.FailedPermanently} chain(s) failed with a permanent error (bad or missing input) and are not retried; fix the input, then -Force runs them again");
        if (r.Failed > 0)
            WriteWarning($"{r.Failed} chain(s) failed; see Get-EcodJobStatus -Status failed");
    }
}
