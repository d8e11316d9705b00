namespace EcodMini.Core.RunComparison;

/// <summary>Counts of a comparison: chains on each side, unchanged, and changed by kind (a chain counts once per kind it shows).</summary>
public sealed record RunComparisonSummary
{
    public required string Before { get; init; }
    public required string After { get; init; }
    public int ChainsBefore { get; init; }
    public int ChainsAfter { get; init; }
    public int Unchanged { get; init; }
    public int Changed { get; init; }
    public int Added { get; init; }
    public int Removed { get; init; }
    public int DomainCountChanged { get; init; }
    public int BoundaryShift { get; init; }
    public int ClassificationChanged { get; init; }
    public int QualityChanged { get; init; }
    /// <summary>The largest boundary shift over all chains (residues).</summary>
    public int LargestShift { get; init; }

    public string Describe() =>
        $"{Before} -> {After}: {ChainsBefore} -> {ChainsAfter} chain(s), {Unchanged} unchanged, {Changed} changed " +
        $"({Added} added, {Removed} removed, {DomainCountChanged} domain count, {BoundaryShift} boundary shift (largest {LargestShift} residues), " +
        $"{ClassificationChanged} classification, {QualityChanged} quality)";
}
