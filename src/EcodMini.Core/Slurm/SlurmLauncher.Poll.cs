using System.Globalization;
using EcodMini.Core.Execution;

namespace EcodMini.Core.Slurm;

public sealed partial class SlurmLauncher
{
    private bool _queueChecked;

    public IReadOnlyDictionary<string, ChunkState> Poll(IReadOnlyCollection<string> executorJobIds, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, ChunkState>(StringComparer.Ordinal);
        // Ids of other launchers (a local run's threads) are not SLURM's: their workers are gone.
        foreach (var id in executorJobIds.Where(id => !SlurmClient.IsTaskId(id)))
            states[id] = new ChunkState(ChunkPhase.Lost, $"{id} is not a SLURM job");
        executorJobIds = executorJobIds.Where(SlurmClient.IsTaskId).ToList();
        if (executorJobIds.Count == 0) return states;
        Dictionary<string, SlurmTaskState> reported;
        try
        {
            reported = Query(executorJobIds, cancellationToken);
        }
        catch (Exception ex) when (ex is SlurmCommandException or Processes.ProcessStartException)
        {
            return KeepLastStates(executorJobIds, states, $"SLURM status poll failed: {ex.Message}");
        }
        var changed = false;
        var now = DateTimeOffset.UtcNow;
        var answered = true;
        if (executorJobIds.Any(id => !reported.ContainsKey(id)) && !_queueChecked)
        {
            // Accounting lags behind the queue: ask squeue (one call per run) before calling a job lost.
            try
            {
                foreach (var run in _runs)
                    foreach (var task in _client.QueryQueue(SlurmLaunchOptions.JobNameFor(run), cancellationToken).Tasks)
                        reported.TryAdd(task.Task.ToString(), task);
            }
            catch (Exception ex) when (ex is SlurmCommandException or Processes.ProcessStartException)
            {
                // No positive evidence either way: the jobs sacct did not list keep their states.
                answered = false;
                var unlisted = executorJobIds.Where(id => !reported.ContainsKey(id)).ToList();
                KeepLastStates(unlisted, states, $"squeue failed while checking jobs sacct did not list: {ex.Message}");
                executorJobIds = executorJobIds.Where(reported.ContainsKey).ToList();
            }
        }
        _queueChecked = false;
        if (answered) UnreachableSince = null;
        foreach (var id in executorJobIds)
        {
            // Lost only on positive evidence: sacct and squeue both answered without the job, past the reporting grace.
            var state = reported.TryGetValue(id, out var task) ? ToChunkState(task)
                : RecentlyLaunched(id, now)
                    ? new ChunkState(ChunkPhase.Queued, "submitted; not reported by SLURM yet")
                    : new ChunkState(ChunkPhase.Lost, $"SLURM does not report job {id} (neither squeue nor sacct lists it)");
            if (!_last.TryGetValue(id, out var previous) || previous != state) changed = true;
            _last[id] = state;
            states[id] = state;
        }
        _options.Schedule.Next(changed);
        return states;
    }

    /// <summary>
    /// SLURM did not answer: every state stays as last known (a job never seen stays queued), the outage is dated in
    /// <see cref="UnreachableSince"/>, and the next poll waits longer (the schedule backs off).
    /// </summary>
    private Dictionary<string, ChunkState> KeepLastStates(IEnumerable<string> ids, Dictionary<string, ChunkState> states, string why)
    {
        UnreachableSince ??= DateTimeOffset.UtcNow;
        _log($"{why}; states kept as last known (SLURM state unknown since {UnreachableSince.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)");
        foreach (var id in ids)
            states[id] = _last.TryGetValue(id, out var last) ? last with { Detail = $"unknown since {UnreachableSince.Value.UtcDateTime:HH:mm:ss} UTC; last seen {last.Phase.ToString().ToLowerInvariant()}" }
                : new ChunkState(ChunkPhase.Queued, $"unknown since {UnreachableSince.Value.UtcDateTime:HH:mm:ss} UTC");
        _options.Schedule.Next(false);
        return states;
    }

    /// <summary>
    /// A job list longer than this goes to sacct by run name instead (one call per watched run): per-protein jobs of a large
    /// run would not fit one command line.
    /// </summary>
    public const int MaxJobsPerSacctCall = 1000;

    /// <summary>
    /// One sacct call for the jobs (arrays) of the tasks still open, so finished arrays are not listed again (per watched
    /// run by job name when there are more than <see cref="MaxJobsPerSacctCall"/>); without accounting one squeue per run
    /// plus scontrol for the jobs gone from the queue.
    /// </summary>
    private Dictionary<string, SlurmTaskState> Query(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var reported = new Dictionary<string, SlurmTaskState>(StringComparer.Ordinal);
        var fallback = false;
        var jobs = ids.Select(id => id.Split('_')[0]).Distinct(StringComparer.Ordinal).ToList();
        if (jobs.Count <= MaxJobsPerSacctCall)
        {
            var since = _runs.Count == 0 ? DateTimeOffset.UtcNow.AddDays(-1) : _runs.Min(RunStart);
            var accounted = _client.QueryAccountingJobs(jobs, since, cancellationToken);
            if (accounted is null) fallback = true;
            else foreach (var task in accounted.Tasks) reported[task.Task.ToString()] = task;
        }
        else
        {
            foreach (var run in _runs)
            {
                var accounted = _client.QueryAccounting(SlurmLaunchOptions.JobNameFor(run), RunStart(run), cancellationToken);
                if (accounted is null) { fallback = true; break; }
                foreach (var task in accounted.Tasks) reported[task.Task.ToString()] = task;
            }
        }
        if (!fallback) return reported;
        _queueChecked = true;

        if (!_fallbackNoted)
        {
            _log("sacct cannot answer (accounting storage disabled or slurmdbd unreachable): using squeue and scontrol, and the result files");
            _fallbackNoted = true;
        }
        reported.Clear();
        foreach (var run in _runs)
            foreach (var task in _client.QueryQueue(SlurmLaunchOptions.JobNameFor(run), cancellationToken).Tasks)
                reported[task.Task.ToString()] = task;
        var gone = ids.Where(id => !reported.ContainsKey(id)).Select(id => id.Split('_')[0]).Distinct(StringComparer.Ordinal).ToList();
        foreach (var task in _client.ShowJobs(gone, cancellationToken).Tasks) reported.TryAdd(task.Task.ToString(), task);
        return reported;
    }

    private bool RecentlyLaunched(string id, DateTimeOffset now)
    {
        if (_launchedAt.TryGetValue(id, out var at)) return now - at < _options.ReportingGrace;
        // A job of an earlier process: young runs get the same grace (their jobs may not be accounted yet).
        return _runs.Any(run => now - RunStart(run) < _options.ReportingGrace);
    }

    /// <summary>How the coordinator should treat a task SLURM reports (an UNKNOWN state keeps it waiting, never success).</summary>
    public static ChunkState ToChunkState(SlurmTaskState task)
    {
        var exit = task.ExitCode is { } e ? $" (exit {e})" : "";
        return task.State switch
        {
            SlurmJobState.Pending or SlurmJobState.Configuring or SlurmJobState.Requeued => new ChunkState(ChunkPhase.Queued, task.StateText),
            SlurmJobState.Running or SlurmJobState.Completing or SlurmJobState.Suspended => new ChunkState(ChunkPhase.Running, task.StateText),
            SlurmJobState.Completed => new ChunkState(ChunkPhase.Finished),
            SlurmJobState.Timeout or SlurmJobState.Deadline => new ChunkState(ChunkPhase.TimedOut, $"job {task.Task}: {SlurmJobStates.FailureReason(task.State)}"),
            SlurmJobState.Cancelled or SlurmJobState.Preempted => new ChunkState(ChunkPhase.Cancelled, $"job {task.Task}: {task.StateText}"),
            SlurmJobState.Failed or SlurmJobState.OutOfMemory or SlurmJobState.NodeFail or SlurmJobState.BootFail =>
                new ChunkState(ChunkPhase.Failed, $"job {task.Task}: {SlurmJobStates.FailureReason(task.State)}{exit}"),
            _ => new ChunkState(ChunkPhase.Running, $"SLURM state '{task.StateText}' not understood; still waiting"),
        };
    }

    /// <summary>A run's start from its id (<c>yyyyMMddTHHmmss-...</c>, UTC); a day ago when the id is not of that form.</summary>
    public static DateTimeOffset RunStart(string runId) =>
        runId.Length >= 15 && DateTimeOffset.TryParseExact(runId[..15], "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var start) ? start : DateTimeOffset.UtcNow.AddDays(-1);
}
