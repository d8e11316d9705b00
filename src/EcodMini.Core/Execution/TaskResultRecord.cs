using System.Text.Json.Serialization;
using EcodMini.Core.Model;

namespace EcodMini.Core.Execution;

/// <summary>
/// One line of a chunk's result file (<c>&lt;manifest&gt;.results.jsonl</c>): the outcome of one task as a worker
/// saw it. RecordId is unique per execution of a task, which makes ingestion idempotent; AttemptId says which
/// attempt it belongs to, so a late record of an older attempt is kept as history only.
/// </summary>
public sealed record TaskResultRecord
{
    public const string CompletedStatus = "completed";
    public const string FailedStatus = "failed";
    /// <summary>Not run: a stop was requested for it (Stop-EcodJob). Never counts as a failure.</summary>
    public const string CancelledStatus = "cancelled";

    [JsonPropertyName("record_id")] public required string RecordId { get; init; }
    [JsonPropertyName("chunk_id")] public string? ChunkId { get; init; }
    /// <summary>The tracker's attempt this record answers (from the manifest); null from workers of older versions.</summary>
    [JsonPropertyName("attempt_id")] public long? AttemptId { get; init; }
    [JsonPropertyName("protein_id")] public required string ProteinId { get; init; }
    [JsonPropertyName("batch")] public required string BatchName { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("domain_count")] public int DomainCount { get; init; }
    [JsonPropertyName("coverage")] public double Coverage { get; init; }
    [JsonPropertyName("total_residues")] public int TotalResidues { get; init; }
    [JsonPropertyName("assigned_residues")] public int AssignedResidues { get; init; }
    [JsonPropertyName("avg_confidence")] public double AverageConfidence { get; init; }
    [JsonPropertyName("evidence_count")] public int EvidenceCount { get; init; }
    [JsonPropertyName("discontinuous_domains")] public int DiscontinuousDomains { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    /// <summary>For a failure: Permanent (never retried) or Transient (retried by the policy); null from older workers (Transient).</summary>
    [JsonPropertyName("error_class")] public ErrorClass? ErrorClass { get; init; }
    [JsonPropertyName("elapsed_seconds")] public double ElapsedSeconds { get; init; }
    [JsonPropertyName("peak_memory_mb")] public double PeakMemoryMb { get; init; }
    /// <summary>Each domain as "range|t_group|h_group" (what run comparisons read; outputs are overwritten by later runs).</summary>
    [JsonPropertyName("domains")] public IReadOnlyList<string> Domains { get; init; } = [];
    [JsonPropertyName("quality_flags")] public IReadOnlyList<QualityFlag> QualityFlags { get; init; } = [];
    [JsonPropertyName("output_path")] public string? OutputPath { get; init; }
    [JsonPropertyName("started_at")] public DateTimeOffset StartedAt { get; init; }
    [JsonPropertyName("finished_at")] public DateTimeOffset FinishedAt { get; init; }

    [JsonIgnore] public bool IsCompleted => Status == CompletedStatus;

    [JsonIgnore] public bool IsCancelled => Status == CancelledStatus;
}
