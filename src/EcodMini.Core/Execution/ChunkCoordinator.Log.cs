using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>The coordinator's run log lines (see <see cref="RunLog"/>): the run's end, its failed chains and an error that ended it.</summary>
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
        var detail = state.Detail is { Length: > 0 } d ? $" ({d})" : "";
        _log.Write($"chunk {chunk.ChunkId} ended {state.Phase.ToString().ToLowerInvariant()}{detail}: {outcome.Ingest.Completed} completed, " +
                   $"{outcome.Ingest.Failed} failed, {outcome.TimedOut} timed out, {outcome.Requeued} requeued; " +
                   (kept ? $"its files are kept in {ResultFileIngestor.IngestedFolder}/" : "its files were deleted (every chain completed)"));
        foreach (var issue in outcome.Issues) _log.Write($"chunk {chunk.ChunkId}: {issue}");
    }

    private void LogEnd(IReadOnlyList<JobRecord> jobs, int queued, bool cancelled, TimeSpan duration)
    {
        foreach (var job in jobs.Where(j => JobStatus.IsRetryable(j.Status)))
            _log.Write($"{job.Status} {job.ProteinId} ({job.BatchName}), attempt {job.AttemptCount}: {job.Error ?? "no error recorded"}");
        var waiting = _launcher.WorkersOutliveCaller && Options.ReturnAfterLaunch && !cancelled
            ? "; the workers run on: Get-EcodJobStatus -Refresh or -Wait collects them"
            : "";
        _log.Write($"run {RunId} {(cancelled ? "cancelled" : "ended")} after {duration.TotalSeconds:N1} s: {queued} run, {_counter.Completed} completed, " +
                   $"{_counter.Failed} failed{waiting}");
    }
}
