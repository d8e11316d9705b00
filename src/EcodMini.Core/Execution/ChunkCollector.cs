using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>
/// Collects a chunk whose worker can no longer write: ingests its result file (idempotent), settles its chains without
/// a record by the launcher's verdict (failed: a failure result; timed out: timeout; cancelled or lost: back to
/// pending, not counted as a retry), reports torn and malformed lines, then archives the manifest and result file in
/// <c>ingested/</c>, or deletes them when every chain of the chunk completed cleanly and the files need not be kept.
/// Never called for a chunk whose worker may still write. Throws only when the tracker does (nothing is archived then).
/// </summary>
internal static class ChunkCollector
{
    public static ChunkOutcome Collect(TrackingDatabase tracker, ActiveChunk chunk, ChunkState state, bool keepFiles = true)
    {
        var content = ResultFileReader.Read(chunk.ResultsPath);
        var ingest = ResultFileIngestor.Ingest(tracker, content);
        var issues = Describe(chunk.ResultsPath, content);
        // The file belongs to this chunk's attempts only (a chunk id is never reused), so the chain identifies a record.
        var recorded = content.Records.Select(r => (r.ProteinId, r.BatchName)).ToHashSet();
        var missing = chunk.Attempts.Where(a => !recorded.Contains((a.ProteinId, a.BatchName))).ToList();
        int requeued = 0, timedOut = 0;
        if (missing.Count > 0)
        {
            var detail = state.Detail ?? state.Phase.ToString().ToLowerInvariant();
            var ids = missing.Select(a => a.AttemptId).ToList();
            switch (state.Phase)
            {
                case ChunkPhase.Failed:
                    var now = DateTimeOffset.UtcNow;
                    var failures = missing.Select(a => TaskResultFactory.Failure(chunk.ChunkId, ToTask(a), detail, now, now)).ToList();
                    ingest = ingest.Add(tracker.RecordResults(failures));
                    break;
                case ChunkPhase.TimedOut:
                    timedOut = tracker.CloseAttempts(ids, AttemptStatus.Timeout, JobStatus.Timeout, $"chunk {chunk.ChunkId}: {detail}");
                    break;
                case ChunkPhase.NotLaunched:
                    requeued = tracker.CloseAttempts(ids, AttemptStatus.NotLaunched, JobStatus.Pending, $"requeued: chunk {chunk.ChunkId} was never launched ({detail})");
                    break;
                case ChunkPhase.Cancelled:
                    requeued = tracker.CloseAttempts(ids, AttemptStatus.Cancelled, JobStatus.Pending, $"chunk {chunk.ChunkId}: {detail}");
                    break;
                default:
                    requeued = tracker.CloseAttempts(ids, AttemptStatus.Lost, JobStatus.Pending,
                        $"requeued: chunk {chunk.ChunkId} left no result for it ({detail})");
                    break;
            }
        }
        // Records ingested while the chunk ran (streaming) come back as duplicates here: the file's own records decide.
        var clean = missing.Count == 0 && ingest.Failed == 0 && content.Records.All(r => r.IsCompleted) && issues.Count == 0;
        if (clean && !keepFiles)
        {
            // Every chain is in the tracker as completed: nothing here is needed to restart or to diagnose.
            File.Delete(chunk.ResultsPath);
            File.Delete(chunk.ManifestPath);
        }
        else
        {
            ResultFileIngestor.Archive(chunk.ResultsPath);
            ResultFileIngestor.Archive(chunk.ManifestPath);
        }
        return new ChunkOutcome(ingest, requeued, timedOut, issues, clean);
    }

    public static IReadOnlyList<string> Describe(string path, ResultFileContent content)
    {
        var issues = new List<string>();
        if (content.TruncatedLines > 0)
            issues.Add($"{path}: the last line is cut off (its worker stopped in the middle of writing it); that chain has no result from this attempt");
        if (content.MalformedLines > 0)
            issues.Add($"{path}: {content.MalformedLines} line(s) are not valid result records and were skipped");
        return issues;
    }

    private static ChunkTask ToTask(OpenAttempt a) => new()
    {
        ProteinId = a.ProteinId, BatchName = a.BatchName, SummaryPath = a.SummaryPath ?? "", BlastPath = a.BlastPath,
        OutputPath = a.OutputPath ?? "", AttemptId = a.AttemptId,
    };
}
