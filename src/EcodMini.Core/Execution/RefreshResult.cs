using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>What one poll + ingest pass did: records ingested, attempts still running, file problems, and a stale owner it replaced.</summary>
public sealed record RefreshResult(IngestSummary Ingested, int StillRunning, IReadOnlyList<string> ResultFileIssues, TrackerLease? TookOverFrom)
{
    /// <summary>Chains left cancelled or lost by an earlier command whose result files say otherwise: recorded now.</summary>
    public IngestSummary Repaired { get; init; } = IngestSummary.Empty;

    /// <summary>When the cluster's squeue/sacct stopped answering (states were kept as they were); null when they answer.</summary>
    public DateTimeOffset? UnknownSince { get; init; }
}
