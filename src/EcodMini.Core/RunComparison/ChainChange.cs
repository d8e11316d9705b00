namespace EcodMini.Core.RunComparison;

/// <summary>One changed chain: its most significant change, every change found, and the figures on both sides.</summary>
public sealed record ChainChange
{
    public required string ProteinId { get; init; }
    public string BatchName { get; init; } = "";
    public required ChainChangeKind Kind { get; init; }
    public required IReadOnlyList<ChainChangeKind> Changes { get; init; }
    public int? DomainsBefore { get; init; }
    public int? DomainsAfter { get; init; }
    /// <summary>The largest move, in residues, of any domain's first or last residue (domains paired in order); null when not compared.</summary>
    public int? LargestShift { get; init; }
    public string? QualityBefore { get; init; }
    public string? QualityAfter { get; init; }
    public string? RangesBefore { get; init; }
    public string? RangesAfter { get; init; }
}
