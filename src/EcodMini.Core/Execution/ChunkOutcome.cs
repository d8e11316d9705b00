using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>
/// What collecting one ended chunk changed: ingestion figures, chains requeued or timed out, file problems found, and
/// whether every chain completed cleanly.
/// </summary>
internal sealed record ChunkOutcome(IngestSummary Ingest, int Requeued, int TimedOut, IReadOnlyList<string> Issues, bool Clean = false);
