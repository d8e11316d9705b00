using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>What collecting one ended chunk changed: ingestion figures, chains requeued or timed out, and file problems found.</summary>
internal sealed record ChunkOutcome(IngestSummary Ingest, int Requeued, int TimedOut, IReadOnlyList<string> Issues);
