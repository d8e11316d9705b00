using System.Management.Automation;
using EcodMini.Core.Costs;
using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;

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
        // SIGINT (Ctrl+C, kill -INT) stops a SLURM submission cleanly even where the host does not turn it into a pipeline stop.
        using var interrupt = launcher.WorkersOutliveCaller && !OperatingSystem.IsWindows()
            ? System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, signal =>
            {
                signal.Cancel = true;
                StopProcessing();
            })
            : null;
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
        catch (TrackingDatabaseException ex)
        {
            FailTracker(ex);
        }
        catch (WorkDirectoryInUseException ex)
        {
            Fail(ex, "EcodWorkDirectoryInUse", ErrorCategory.ResourceBusy, ex.WorkDirectory);
        }
        catch (SlurmCommandException ex)
        {
            FlushLauncherMessages();
            Fail(ex, "EcodSlurmSubmitFailed", ErrorCategory.ResourceUnavailable, ex.Result.Command.Display);
        }
        catch (Core.Processes.ProcessStartException ex)
        {
            Fail(ex, "EcodSlurmUnavailable", ErrorCategory.ResourceUnavailable, ex.FileName);
        }
        catch (UnsafeJobValueException ex)
        {
            Fail(ex, "EcodJobScriptValueUnsafe", ErrorCategory.InvalidArgument, ex.Setting);
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

    private sealed class Progress(Action<ExecutionProgress> report) : IProgress<ExecutionProgress>
    {
        public void Report(ExecutionProgress value) => report(value);
    }
}
