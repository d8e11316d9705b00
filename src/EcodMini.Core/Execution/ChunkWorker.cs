using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;

namespace EcodMini.Core.Execution;

/// <summary>
/// The worker side of the contract: runs every chain of a chunk manifest and appends one result record per chain
/// to <c>&lt;manifest&gt;.results.jsonl</c>. Never opens the tracking database. A rerun over the same manifest
/// (after a crash or a requeue) skips chains that already have a record. Cancellation stops between chains; a
/// chain interrupted by cancellation gets no record (its output is written atomically by the runner, or not at all).
/// Before each chain the folder's stop file (<see cref="StopRequestFile"/>) is consulted: a chain listed there gets a
/// "cancelled" record instead of running.
/// </summary>
public static class ChunkWorker
{
    /// <summary>Production entry: loads the manifest's reference data and partitions with <see cref="ChainPartitionRunner"/>.</summary>
    public static ChunkRunSummary Run(string manifestPath, CancellationToken cancellationToken = default)
    {
        var manifest = ChunkManifest.Read(manifestPath);
        if (manifest.ReferenceDirectory is null) throw new InvalidDataException($"Chunk manifest {manifestPath} names no reference_dir");
        var reference = ReferenceData.Load(manifest.ReferenceDirectory, cancellationToken);
        var runner = new ChainPartitionRunner(reference, manifest.Options ?? new Algorithm.PartitionOptions(), manifest.Format);
        return Run(manifestPath, (task, ct) => runner.Run(ToRequest(task), ct), cancellationToken);
    }

    public static PartitionRequest ToRequest(ChunkTask task) => new(task.SummaryPath, task.BlastPath, task.OutputPath, task.BatchName);

    /// <summary>
    /// Runs the chunk with the given per-chain function; <paramref name="onRecord"/> sees each record after it is
    /// flushed (to disk, with <paramref name="durable"/>).
    /// </summary>
    public static ChunkRunSummary Run(string manifestPath, Func<ChunkTask, CancellationToken, PartitionResult> process,
        CancellationToken cancellationToken = default, Action<TaskResultRecord>? onRecord = null, bool durable = false)
    {
        var manifest = ChunkManifest.Read(manifestPath);
        var resultsPath = ChunkManifest.ResultsPathFor(manifestPath);
        var recorded = ResultFileReader.Read(resultsPath).Records
            .Select(r => (r.ProteinId, r.BatchName)).ToHashSet();
        int completed = 0, failed = 0, already = 0, done = 0, stopped = 0;
        var cancelled = false;
        var stops = new StopRequestWatcher(StopRequestFile.PathFor(manifestPath));
        using var writer = new ResultFileWriter(resultsPath, durable);
        foreach (var task in manifest.Tasks)
        {
            if (recorded.Contains((task.ProteinId, task.BatchName))) { already++; done++; continue; }
            if (cancellationToken.IsCancellationRequested) { cancelled = true; break; }
            var started = DateTimeOffset.UtcNow;
            TaskResultRecord record;
            if (stops.IsStopped(task.AttemptId))
            {
                // Stop-EcodJob asked for this chain: it is not run, and says so (a cancellation, never a failure).
                record = TaskResultFactory.Cancelled(manifest.ChunkId, task, "stopped by Stop-EcodJob before it started", started);
                writer.Append(record);
                recorded.Add((task.ProteinId, task.BatchName));
                done++;
                stopped++;
                onRecord?.Invoke(record);
                continue;
            }
            try
            {
                var result = process(task, cancellationToken);
                record = TaskResultFactory.FromResult(manifest.ChunkId, task, result, started, DateTimeOffset.UtcNow);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
            catch (Exception ex)
            {
                record = TaskResultFactory.Failure(manifest.ChunkId, task, $"{ex.GetType().Name}: {ex.Message}", started, DateTimeOffset.UtcNow,
                    ErrorClassifier.Classify(ex));
            }
            writer.Append(record);
            recorded.Add((task.ProteinId, task.BatchName));
            done++;
            if (record.IsCompleted) completed++; else failed++;
            onRecord?.Invoke(record);
        }
        return new ChunkRunSummary(manifest.ChunkId, resultsPath, completed, failed, already, manifest.Tasks.Count - done, cancelled, stopped);
    }
}
