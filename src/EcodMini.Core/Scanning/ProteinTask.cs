using EcodMini.Core.Provenance;

namespace EcodMini.Core.Scanning;

/// <summary>One chain to process: where its inputs are, where its output goes, and what the tracker knew about it.</summary>
public sealed record ProteinTask
{
    public required string ProteinId { get; init; }
    public required string Pdb { get; init; }
    public required string Chain { get; init; }
    public required string BatchName { get; init; }
    public required string BatchDirectory { get; init; }
    public required string SummaryPath { get; init; }
    /// <summary>The raw chain BLAST file, or null when the batch has none for this chain.</summary>
    public string? BlastPath { get; init; }
    /// <summary>The default output <c>&lt;batch&gt;/mini_domains/&lt;id&gt;.mini.domains.xml</c>.</summary>
    public required string OutputPath { get; init; }
    /// <summary>OutputPath when that file already exists, else null.</summary>
    public string? ExistingOutput { get; init; }
    public DateTimeOffset? PreviousAttempt { get; init; }
    public int RetryCount { get; init; }
    /// <summary>The tracker's status for this chain, or null when it was never submitted.</summary>
    public string? PreviousStatus { get; init; }
    public bool IsRetry { get; init; }
    /// <summary>Higher runs first (see <see cref="ScanPriority"/>).</summary>
    public int Priority { get; init; }
    public bool IsRepresentative { get; init; }
    public long SummarySizeBytes { get; init; }
    /// <summary>Why the scan queued the chain (New for tasks not made by a scan).</summary>
    public TaskReason Reason { get; init; } = TaskReason.New;
    /// <summary>The inputs' hashes, reference hash, algorithm version and options hash the scan saw (null: not fingerprinted yet).</summary>
    public InputFingerprint? Inputs { get; init; }
    /// <summary>The sequence length the summary states in its first bytes (null: not stated there); the cost model's bucket.</summary>
    public int? SequenceLength { get; init; }

    /// <summary>
    /// True when a chain the tracker has completed must still run: the scan found its inputs, algorithm version or
    /// options changed, or its output gone. (Other completed chains are not run again unless forced.)
    /// </summary>
    public bool RunsAgainWhenCompleted =>
        Reason is TaskReason.InputChanged or TaskReason.VersionChanged or TaskReason.OptionsChanged
        || (Reason == TaskReason.Retry && PreviousStatus == Tracking.JobStatus.Completed && ExistingOutput is null);

    /// <summary>True when a run would start an attempt for it (not a completed chain that stays as it is).</summary>
    public bool WouldRun => PreviousStatus != Tracking.JobStatus.Completed || RunsAgainWhenCompleted;
}
