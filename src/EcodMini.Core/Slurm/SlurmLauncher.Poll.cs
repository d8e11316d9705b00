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
            _log($"SLURM status poll failed, keeping the last known states: {ex.Message}");
            foreach (var id in executorJobIds) states[id] = _last.GetValueOrDefault(id, new ChunkState(ChunkPhase.Queued, "not reported yet"));
            return states;
        }
        var changed = false;
        var now = DateTimeOffset.UtcNow;
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
                _log($"squeue failed while checking jobs sacct did not list: {ex.Message}");
            }
        }
        _queueChecked = false;
        foreach (var id in executorJobIds)
        {
            var state = reported.TryGetValue(id, out var task) ? ToChunkState(task)
                : RecentlyLaunched(id, now)
                    ? new ChunkState(ChunkPhase.Queued, "submitted; not reported by SLURM yet")
                    : new ChunkState(ChunkPhase.Lost, $"SLURM does not report job {id}");
            if (!_last.TryGetValue(id, out var previous) || previous != state) changed = true;
            _last[id] = state;
            states[id] = state;
        }
        _options.Schedule.Next(changed);
        return states;
    }

    /// <summary>One sacct call per watched run; without accounting one squeue per run plus scontrol for the jobs gone from the queue.</summary>
    private Dictionary<string, SlurmTaskState> Query(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var reported = new Dictionary<string, SlurmTaskState>(StringComparer.Ordinal);
        var fallback = false;
        foreach (var run in _runs)
        {
            var accounted = _client.QueryAccounting(SlurmLaunchOptions.JobNameFor(run), RunStart(run), cancellationToken);
            if (accounted is null) { fallback = true; break; }
            foreach (var task in accounted.Tasks) reported[task.Task.ToString()] = task;
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
