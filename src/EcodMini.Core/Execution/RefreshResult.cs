using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>What one poll + ingest pass did: records ingested, attempts still running, file problems, and a stale owner it replaced.</summary>
public sealed record RefreshResult(IngestSummary Ingested, int StillRunning, IReadOnlyList<string> ResultFileIssues, TrackerLease? TookOverFrom);
