using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>The coordinator's run log lines (see <see cref="RunLog"/>): chunks collected (into their own run's log), failed chains, the end, an error that ended it.</summary>
public sealed partial class ChunkCoordinator
{
    /// <summary>Notes an error that ends the run; always false so the exception goes on unchanged.</summary>
    private bool LogFailure(Exception ex)
    {
        _log.Write($"run {RunId} stopped by an error: {ex.GetType().Name}: {ex.Message}");
        return false;
    }

    private void LogChunk(ActiveChunk chunk, ChunkState state, ChunkOutcome outcome, bool kept)
    {
        var log = chunk.OwnRun ? _log : EarlierRunLog(chunk.ChunkId);
        var detail = state.Detail is { Length: > 0 } d ? $" ({d})" : "";
        log.Write($"chunk {chunk.ChunkId} ended {state.Phase.ToString().ToLowerInvariant()}{detail}: {outcome.Ingest.Completed} completed, " +
                   $"{outcome.Ingest.Failed} failed, {outcome.TimedOut} timed out, {outcome.Requeued} requeued; " +
                   (kept ? $"its files are kept in {ResultFileIngestor.IngestedFolder}/" : "its files were deleted (every chain completed)"));
        foreach (var issue in outcome.Issues) log.Write($"chunk {chunk.ChunkId}: {issue}");
    }

    /// <summary>
    /// The log of the run a chunk of an earlier run belongs to (chunk ids are <c>&lt;run id&gt;-NNNNN</c>), so a cluster
    /// run's chunks collected by a later refresh are noted in that run's own log.
    /// </summary>
    private RunLog EarlierRunLog(string chunkId)
    {
        var dash = chunkId.LastIndexOf('-');
        if (string.IsNullOrEmpty(Options.LogDirectory) || dash <= 0) return RunLog.None;
        var runId = chunkId[..dash];
        if (runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || runId.Contains("..", StringComparison.Ordinal)) return RunLog.None;
        if (!_earlierRunLogs.TryGetValue(runId, out var log))
        {
            try { log = RunLog.Open(Options.LogDirectory, runId); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { log = RunLog.None; }
            _earlierRunLogs[runId] = log;
        }
        return log;
    }

    private void CloseEarlierRunLogs()
    {
        foreach (var log in _earlierRunLogs.Values) log.Dispose();
        _earlierRunLogs.Clear();
    }

    private void LogEnd(IReadOnlyList<JobRecord> jobs, int queued, bool cancelled, TimeSpan duration)
    {
        foreach (var job in jobs.Where(j => JobStatus.IsRetryable(j.Status)))
            _log.Write($"{job.Status} {job.ProteinId} ({job.BatchName}), attempt {job.AttemptCount}: {job.Error ?? "no error recorded"}");
        if (_launcher.WorkersOutliveCaller && Options.ReturnAfterLaunch && !cancelled)
        {
            _log.Write($"run {RunId} submitted in {duration.TotalSeconds:N1} s: {queued} chain(s) launched; the jobs run on, " +
                       "Get-EcodJobStatus -Refresh or -Wait collects them (their outcome follows in this log)");
            return;
        }
        _log.Write($"run {RunId} {(cancelled ? "cancelled" : "ended")} after {duration.TotalSeconds:N1} s: {queued} run, {_counter.Completed} completed, " +
                   $"{_counter.Failed} failed");
    }
}
