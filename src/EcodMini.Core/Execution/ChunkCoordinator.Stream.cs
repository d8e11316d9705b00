using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>
/// Streaming for in-process runs: while a local chunk runs, the records its worker has flushed so far are recorded in
/// the tracker (ingestion is idempotent, so the chunk's final collection only adds what is left) and each chain's job
/// is handed to <see cref="JobRecorded"/> as soon as it is recorded, so a pipeline downstream starts before the run ends.
/// </summary>
public sealed partial class ChunkCoordinator
{
    /// <summary>Per running chunk: how far its result file has been read (each record is read, so ingested, once).</summary>
    private readonly Dictionary<string, long> _streamedOffsets = new(StringComparer.Ordinal);
    private readonly HashSet<long> _streamedJobs = [];

    /// <summary>
    /// Hears each chain of this run once, when its outcome is recorded (called on the coordinator's thread). Set it
    /// before <see cref="Run"/>; null (default) records whole chunks as they end, as cluster runs always do.
    /// </summary>
    public Action<JobRecord>? JobRecorded { get; set; }

    /// <summary>How often a streaming run looks at its running chunks' result files (a chain takes milliseconds).</summary>
    private static readonly TimeSpan StreamInterval = TimeSpan.FromMilliseconds(100);

    private bool Streams => JobRecorded is not null && !_launcher.WorkersOutliveCaller;

    /// <summary>The chunk loop's wait between polls: short while streaming, so each chain reaches the pipeline soon after it ends.</summary>
    private TimeSpan LoopInterval => Streams && StreamInterval < Options.PollInterval ? StreamInterval : Options.PollInterval;

    /// <summary>Records what a running local chunk's worker has written since the last look, and hands on those chains.</summary>
    private void IngestWhileRunning(ActiveChunk chunk)
    {
        if (!Streams || !chunk.OwnRun) return;
        // Only what was appended since the last look is read: a running chunk is looked at every StreamInterval.
        var (fresh, next) = ResultFileReader.ReadNew(chunk.ResultsPath, _streamedOffsets.GetValueOrDefault(chunk.ChunkId));
        _streamedOffsets[chunk.ChunkId] = next;
        if (fresh.Count == 0) return;
        var summary = _tracker.RecordResults(fresh);
        _ingested = _ingested.Add(summary);
        _counter.Add(summary.Completed, summary.Failed, fresh[^1].ProteinId);
        foreach (var record in fresh) HandOn(record.ProteinId, record.BatchName);
    }

    /// <summary>After a chunk of this run is collected: hands on each of its chains not handed on while it ran.</summary>
    private void HandOnCollected(ActiveChunk chunk)
    {
        _streamedOffsets.Remove(chunk.ChunkId);
        if (!Streams || !chunk.OwnRun) return;
        foreach (var attempt in chunk.Attempts) HandOn(attempt.ProteinId, attempt.BatchName);
    }

    private void HandOn(string proteinId, string batchName)
    {
        if (_tracker.GetJob(proteinId, batchName) is not { } job || JobStatus.IsActive(job.Status)) return;
        if (_streamedJobs.Add(job.Id)) JobRecorded!(job);
    }
}
