using EcodMini.Core.Model;

namespace EcodMini.Core.Tracking;

/// <summary>One row of the results table with its quality flags and the attempt it answers.</summary>
public sealed record StoredResult
{
    public long Id { get; init; }
    public required string ProteinId { get; init; }
    public required string BatchName { get; init; }
    public string? Status { get; init; }
    public int? DomainCount { get; init; }
    public double? Coverage { get; init; }
    public int? TotalResidues { get; init; }
    public int? AssignedResidues { get; init; }
    public double? AverageConfidence { get; init; }
    public int? EvidenceCount { get; init; }
    public int? DiscontinuousDomains { get; init; }
    public double? ProcessingSeconds { get; init; }
    public double? PeakMemoryMb { get; init; }
    public string? OutputPath { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>The flags; as text (CSV, plain formatting) their names joined by ';'.</summary>
    public IReadOnlyList<QualityFlag> QualityFlags { get; init => field = new TextList<QualityFlag>(value, f => f.FlagType, ";"); } = new TextList<QualityFlag>([], f => f.FlagType, ";");
    /// <summary>The attempt this result answers (null for results recorded before attempts existed).</summary>
    public long? AttemptId { get; init; }
    public int? AttemptNumber { get; init; }
    /// <summary>True when the job row points at this result (its current one); other results are history.</summary>
    public bool IsCurrent { get; init; }
}
