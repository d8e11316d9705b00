using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>The coordinator's chunk loop: dispatch (attempts, manifest, launch), poll, collect, recover, shut down.</summary>
public sealed partial class ChunkCoordinator
{
    private void RunChunks(string work, List<JobRecord> queued, Dictionary<(string, string), ProteinTask> byKey, CancellationToken cancellationToken)
    {
        var size = Options.ShrinkChunksForSmallRuns
            ? Math.Max(1, Math.Min(Options.ChunkSize, (int)Math.Ceiling(queued.Count / (double)(Options.ThrottleLimit * 2))))
            : Options.ChunkSize;
        var chunks = queued.Chunk(size).ToList();
        var next = 0;
        while (next < chunks.Count || _active.Count > 0)
        {
            var stopping = cancellationToken.IsCancellationRequested || RunStopRequested(work);
            var free = Options.ThrottleLimit - _active.Count(c => c.OwnRun);
            if (!stopping && next < chunks.Count && free > 0)
            {
                var slice = chunks.Skip(next).Take(free).ToList();
                next += slice.Count;
                Dispatch(work, slice, byKey, cancellationToken);
            }
            if (_launcher.WorkersOutliveCaller && (stopping || (Options.ReturnAfterLaunch && next >= chunks.Count))) break;
            if (_active.Count == 0)
            {
                if (stopping) break;
                continue;
            }
            _launcher.WaitForChange(LoopInterval, stopping ? CancellationToken.None : cancellationToken);
            PollAndCollect(cancellationToken);
        }
    }

    private void Dispatch(string work, List<JobRecord[]> slice, Dictionary<(string, string), ProteinTask> byKey, CancellationToken cancellationToken)
    {
        var launches = new List<ChunkLaunch>(slice.Count);
        var attempts = new List<IReadOnlyList<OpenAttempt>>(slice.Count);
        try
        {
            foreach (var jobs in slice)
            {
                var chunkId = $"{RunId}-{_sequence++:D5}";
                var manifestPath = Path.Combine(work, chunkId + ManifestSuffix);
                var resultsPath = ChunkManifest.ResultsPathFor(manifestPath);
                var started = _tracker.StartAttempts(jobs.Select(j => j.Id).ToList(), new AttemptLaunch(RunId, _launcher.Name, chunkId, resultsPath,
                    _launcher.WorkersOutliveCaller ? JobStatus.Submitted : JobStatus.Running)
                {
                    ModuleVersion = Options.WorkerModule?.Version,
                    ModulePath = Options.WorkerModule?.ManifestPath,
                });
                attempts.Add(started);
                RecordInputs(started, byKey, cancellationToken);
                new ChunkManifest
                {
                    ChunkId = chunkId,
                    Format = Options.Format,
                    ReferenceDirectory = Options.ReferenceDirectory,
                    Options = Options.PartitionOptions,
                    CreatedAt = DateTimeOffset.UtcNow,
                    Tasks = started.Select(a => ToChunkTask(byKey[(a.ProteinId, a.BatchName)], a.AttemptId)).ToList(),
                    WorkerModule = Options.WorkerModule,
                }.Write(manifestPath);
                launches.Add(new ChunkLaunch(chunkId, manifestPath, resultsPath, started.Count));
            }
            var ids = _launcher.Launch(launches, cancellationToken);
            for (var i = 0; i < launches.Count; i++)
            {
                _log.Write($"chunk {launches[i].ChunkId}: {launches[i].TaskCount} chain(s) launched as {_launcher.Name} job {ids[i]}");
                _tracker.SetExecutorJobId(launches[i].ChunkId, ids[i]);
                _active.Add(new ActiveChunk(launches[i].ChunkId, launches[i].ManifestPath, launches[i].ResultsPath, ids[i], attempts[i]));
            }
        }
        catch (LaunchInterruptedException ex)
        {
            // Ctrl+C in the middle of submitting: jobs may run; their attempts stay open for the next command to adopt.
            _log.Write($"submission interrupted: {ex.Message}");
            throw;
        }
        catch
        {
            // Nothing of this slice runs: its attempts go back to pending (not a retry) before the error surfaces.
            foreach (var group in attempts)
                _tracker.CloseAttempts(group.Select(a => a.AttemptId).ToList(), AttemptStatus.NotLaunched, JobStatus.Pending, "requeued: its chunk could not be launched");
            throw;
        }
    }

    /// <summary>Polls the active chunks once and collects those whose worker ended.</summary>
    private void PollAndCollect(CancellationToken cancellationToken)
    {
        if (_active.Count == 0) return;
        var launched = _active.Where(c => c.ExecutorJobId is not null).Select(c => c.ExecutorJobId!).ToList();
        var states = _launcher.Poll(launched, cancellationToken);
        foreach (var chunk in _active.ToList())
        {
            var state = chunk.ExecutorJobId is { } id && states.TryGetValue(id, out var s) ? s : new ChunkState(ChunkPhase.NotLaunched, "never launched");
            if (!state.IsTerminal) { NoteRunning(chunk, state); IngestWhileRunning(chunk); continue; }
            Collect(chunk, state);
            _active.Remove(chunk);
        }
    }

    private void Collect(ActiveChunk chunk, ChunkState state)
    {
        var outcome = ChunkCollector.Collect(_tracker, chunk, state, keepFiles: Options.KeepWorkFiles);
        LogChunk(chunk, state, outcome, kept: Options.KeepWorkFiles || !outcome.Clean);
        _issues.AddRange(outcome.Issues);
        if (!chunk.OwnRun)
        {
            _recovered = _recovered.Add(outcome.Ingest);
            return;
        }
        _ingested = _ingested.Add(outcome.Ingest);
        _counter.Add(outcome.Ingest.Completed, outcome.Ingest.Failed + outcome.TimedOut, chunk.Attempts[^1].ProteinId);
        HandOnCollected(chunk);
    }

    /// <summary>
    /// Settles what earlier runs left: their running attempts (collected when their worker ended, adopted when a
    /// cluster job still runs), then result files left in this work folder.
    /// </summary>
    private void Recover(string work, CancellationToken cancellationToken)
    {
        CollectOpenAttempts(adopt: true, cancellationToken);
        var running = _active.Select(c => c.ResultsPath).ToHashSet(StringComparer.Ordinal);
        _recovered = _recovered.Add(ResultFileIngestor.IngestLeftovers(_tracker, work, running, _issues, cancellationToken));
    }

    /// <summary>Collects earlier runs' attempts whose workers ended; returns how many attempts still run (here or on another executor).</summary>
    private int CollectOpenAttempts(bool adopt, CancellationToken cancellationToken)
    {
        var attempts = _tracker.GetOpenAttempts(exceptRunId: RunId);
        // Only the executor that started an attempt can tell whether its worker lives: a local run leaves SLURM jobs alone.
        _foreign.Clear();
        _foreign.AddRange(attempts.Where(IsForeign));
        var open = ToChunks(attempts.Where(a => !IsForeign(a)));
        if (open.Count == 0) return _foreign.Count;
        open = Reconcile(open, cancellationToken);
        var states = _launcher.Poll(open.Where(c => c.ExecutorJobId is not null).Select(c => c.ExecutorJobId!).ToList(), cancellationToken);
        var stillRunning = 0;
        foreach (var chunk in open)
        {
            var state = chunk.ExecutorJobId is { } id && states.TryGetValue(id, out var s) ? s : new ChunkState(ChunkPhase.NotLaunched, "its run ended without launching it");
            if (state.IsTerminal) { Collect(chunk, state); continue; }
            NoteRunning(chunk, state);
            stillRunning += chunk.Attempts.Count;
            if (adopt) _active.Add(chunk);
        }
        return stillRunning + _foreign.Count;
    }

    /// <summary>
    /// After the loop, or after an exception in it: in-process workers are stopped, waited for and collected (a
    /// collection error is kept back if one is already on its way). Cluster workers are left running.
    /// </summary>
    private void Shutdown()
    {
        if (_active.Count == 0 || _launcher.WorkersOutliveCaller) return;
        _launcher.Cancel(_active.Where(c => c.ExecutorJobId is not null).Select(c => c.ExecutorJobId!).ToList());
        while (_active.Count > 0)
        {
            _launcher.WaitForChange(Options.PollInterval, CancellationToken.None);
            try { PollAndCollect(CancellationToken.None); }
            catch (Exception) when (_active.Count > 0)
            {
                // The tracker refuses writes: leave the files for the next run's recovery, but never before the workers end.
                WaitForWorkers();
                throw;
            }
        }
    }

    private void WaitForWorkers()
    {
        var ids = _active.Where(c => c.ExecutorJobId is not null).Select(c => c.ExecutorJobId!).ToList();
        while (_launcher.Poll(ids, CancellationToken.None).Values.Any(s => !s.IsTerminal))
            _launcher.WaitForChange(Options.PollInterval, CancellationToken.None);
        _active.Clear();
    }

    private static ChunkTask ToChunkTask(ProteinTask t, long attemptId) => new()
    {
        ProteinId = t.ProteinId, BatchName = t.BatchName, SummaryPath = t.SummaryPath, BlastPath = t.BlastPath,
        OutputPath = t.OutputPath, AttemptId = attemptId,
    };
}
