using System.Text.Json.Serialization;

namespace EcodMini.Core.Execution;

/// <summary>One chain in a chunk manifest.</summary>
public sealed record ChunkTask
{
    [JsonPropertyName("protein_id")] public required string ProteinId { get; init; }
    [JsonPropertyName("batch")] public required string BatchName { get; init; }
    [JsonPropertyName("summary_path")] public required string SummaryPath { get; init; }
    [JsonPropertyName("blast_path")] public string? BlastPath { get; init; }
    [JsonPropertyName("output_path")] public required string OutputPath { get; init; }
    /// <summary>The tracker's attempt id for this chain in this chunk; copied onto its result record.</summary>
    [JsonPropertyName("attempt_id")] public long? AttemptId { get; init; }
}
