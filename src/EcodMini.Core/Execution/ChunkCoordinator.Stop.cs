using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>Stop-EcodJob's engine: stops exactly the chains asked for, and only those still running.</summary>
public sealed partial class ChunkCoordinator
{
    private bool _stopRequested;

    /// <summary>
    /// Stops the running attempts of the given jobs. Under the lease, the executor is asked first: a chunk whose
    /// worker already ended is collected (its results ingested, nothing cancelled); a live chunk holding only chains
    /// asked for is cancelled with the launcher (after its result file is read, so a chain that finished meanwhile
    /// keeps its result); a live chunk that also holds other chains gets the chosen ones in its folder's stop file,
    /// which its worker reads before each chain. When another live run owns the tracker, every chain asked for goes
    /// to the stop file (that run's workers skip them and it records the cancellations). Never marks a chain
    /// cancelled that has a result.
    /// </summary>
    /// <param name="wholeRun">Stop-EcodJob -All: a live owner is also asked to start no further chunks (<see cref="StopRequestFile.RunStopPath"/>).</param>
    public StopReport Stop(IReadOnlyCollection<long> jobRefs, string detail, CancellationToken cancellationToken = default, bool wholeRun = false)
    {
        var wanted = jobRefs.ToHashSet();
        try { TakeLease(null, cancellationToken, null); }
        catch (TrackerLeaseHeldException ex) { return RequestStop(wanted, ex.Owner, wholeRun); }
        try
        {
            var open = _tracker.GetOpenAttempts();
            var chunkKeys = open.Where(a => wanted.Contains(a.JobRef)).Select(ChunkKey).ToHashSet(StringComparer.Ordinal);
            var chunks = Reconcile(ToChunks(open.Where(a => chunkKeys.Contains(ChunkKey(a)))), cancellationToken);
            var states = _launcher.Poll(chunks.Where(c => c.ExecutorJobId is not null).Select(c => c.ExecutorJobId!).ToList(), cancellationToken);
            var ended = new List<long>();
            var requested = new List<long>();
            var toCancel = new List<ActiveChunk>();
            foreach (var chunk in chunks)
            {
                var mine = chunk.Attempts.Where(a => wanted.Contains(a.JobRef)).ToList();
                var state = chunk.ExecutorJobId is { } id && states.TryGetValue(id, out var s) ? s : new ChunkState(ChunkPhase.NotLaunched, "never launched");
                if (state.IsTerminal)
                {
                    Collect(chunk, state);
                    ended.AddRange(mine.Select(a => a.JobRef));
                }
                else if (mine.Count == chunk.Attempts.Count && chunk.ExecutorJobId is not null && _launcher.WorkersOutliveCaller)
                    toCancel.Add(chunk);
                else
                {
                    StopRequestFile.Append(StopRequestFile.PathFor(chunk.ManifestPath), mine.Select(a => a.AttemptId));
                    requested.AddRange(mine.Select(a => a.JobRef));
                }
            }
            var cancelled = CancelChunks(toCancel, detail, ended);
            var stopped = ended.Concat(requested).Concat(cancelled).ToHashSet();
            return new StopReport
            {
                Cancelled = cancelled, Requested = requested, AlreadyEnded = ended,
                NotRunning = wanted.Where(j => !stopped.Contains(j)).Order().ToList(),
                ExecutorJobs = toCancel.Select(c => c.ExecutorJobId!).ToList(),
            };
        }
        finally
        {
            _tracker.ReleaseLease(RunId);
            CloseEarlierRunLogs();
        }
    }

    /// <summary>Cancels whole chunks with the launcher; chains with a record keep it, the others become cancelled.</summary>
    private List<long> CancelChunks(List<ActiveChunk> chunks, string detail, List<long> ended)
    {
        if (chunks.Count == 0) return [];
        _launcher.Cancel(chunks.Select(c => c.ExecutorJobId!).ToList());
        var cancelled = new List<long>();
        foreach (var chunk in chunks)
        {
            var content = ResultFileReader.Read(chunk.ResultsPath);
            _recovered = _recovered.Add(ResultFileIngestor.Ingest(_tracker, content));
            var recorded = content.Records.Where(r => r.AttemptId is not null).Select(r => r.AttemptId!.Value).ToHashSet();
            var missing = chunk.Attempts.Where(a => !recorded.Contains(a.AttemptId)).ToList();
            _tracker.CloseAttempts(missing.Select(a => a.AttemptId).ToList(), AttemptStatus.Cancelled, JobStatus.Cancelled, detail);
            cancelled.AddRange(missing.Select(a => a.JobRef));
            ended.AddRange(chunk.Attempts.Where(a => recorded.Contains(a.AttemptId)).Select(a => a.JobRef));
            _log.Write($"chunk {chunk.ChunkId}: {_launcher.Name} job {chunk.ExecutorJobId} cancelled ({missing.Count} chain(s) cancelled, {chunk.Attempts.Count - missing.Count} already recorded)");
        }
        return cancelled;
    }

    /// <summary>Another live run owns the tracker: the chains go to their folders' stop files, for that run's workers.</summary>
    private StopReport RequestStop(HashSet<long> wanted, TrackerLease owner, bool wholeRun)
    {
        if (wholeRun && owner.WorkDirectory is { } work && Directory.Exists(work))
            File.WriteAllText(StopRequestFile.RunStopPath(work, owner.RunId), $"stop requested at {DateTimeOffset.UtcNow:O}\n");
        var attempts = _tracker.GetOpenAttempts().Where(a => wanted.Contains(a.JobRef) && a.ResultsPath is not null).ToList();
        foreach (var folder in attempts.GroupBy(a => StopRequestFile.PathFor(ActiveChunk.ManifestPathFor(a.ResultsPath!)), StringComparer.Ordinal))
            StopRequestFile.Append(folder.Key, folder.Select(a => a.AttemptId));
        var requested = attempts.Select(a => a.JobRef).Distinct().ToList();
        var asked = requested.ToHashSet();
        return new StopReport { Requested = requested, NotRunning = wanted.Where(j => !asked.Contains(j)).Order().ToList(), Owner = owner };
    }

    /// <summary>True once Stop-EcodJob -All asked this run (from another session) to start no further chunks.</summary>
    private bool RunStopRequested(string work)
    {
        if (_stopRequested) return true;
        if (!File.Exists(StopRequestFile.RunStopPath(work, RunId))) return false;
        _log.Write("Stop-EcodJob asked this run to stop: no further chunk starts; running chunks skip the chains it named");
        return _stopRequested = true;
    }

    private static string ChunkKey(OpenAttempt a) => a.ChunkId ?? $"attempt-{a.AttemptId}";

    /// <summary>Open attempts of earlier runs grouped by chunk, as chunks to poll and collect.</summary>
    private static List<ActiveChunk> ToChunks(IEnumerable<OpenAttempt> attempts) =>
        attempts.GroupBy(ChunkKey, StringComparer.Ordinal)
            .Select(g => new ActiveChunk(g.Key, ActiveChunk.ManifestPathFor(g.First().ResultsPath ?? ""), g.First().ResultsPath ?? "",
                g.First().ExecutorJobId, g.ToList()) { OwnRun = false })
            .ToList();
}
