namespace EcodMini.Core.RunComparison;

/// <summary>One chain's partition as one side of a comparison holds it (a tracker run, a process version, output files).</summary>
public sealed record ChainSnapshot
{
    public required string ProteinId { get; init; }
    /// <summary>Batch name; empty when the side does not know it (chains are then matched by protein id).</summary>
    public string BatchName { get; init; } = "";
    public double Coverage { get; init; }
    /// <summary>good, questionable or poor (by coverage), or failed.</summary>
    public required string Quality { get; init; }
    public IReadOnlyList<SnapshotDomain> Domains { get; init; } = [];

    /// <summary>A partition (e.g. an output file about to be imported) as a comparison side's chain.</summary>
    public static ChainSnapshot FromResult(Model.PartitionResult result, string? batchName, Monitoring.QualityThresholds thresholds) => new()
    {
        ProteinId = result.ProteinId, BatchName = batchName ?? "", Coverage = result.Coverage,
        Quality = result.Success ? thresholds.Grade(result.Coverage) : "failed",
        Domains = result.Domains.Select(d => SnapshotDomain.Create(d.Range.ToString(), d.TGroup, d.HGroup)).OfType<SnapshotDomain>().ToList(),
    };
}

/// <summary>A domain's range (text and overall first/last residue) and classification.</summary>
public sealed record SnapshotDomain(string Range, int Start, int End, string? TGroup, string? HGroup)
{
    /// <summary>From "range|t_group|h_group" (the tracker's form); null when the range cannot be read.</summary>
    public static SnapshotDomain? Parse(string line)
    {
        var parts = line.Split('|');
        return Create(parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null);
    }

    /// <summary>Domains from lines of "range|t_group|h_group" (unreadable lines left out); none for null.</summary>
    public static IReadOnlyList<SnapshotDomain> ParseLines(string? lines) =>
        lines is null ? [] : lines.Split('\n').Select(Parse).OfType<SnapshotDomain>().ToList();

    public static SnapshotDomain? Create(string range, string? tGroup, string? hGroup)
    {
        if (!Model.ResidueRange.TryParse(range, out var parsed) || parsed.Segments.Count == 0) return null;
        return new SnapshotDomain(parsed.ToString(), parsed.Segments.Min(s => s.Start), parsed.Segments.Max(s => s.End),
            string.IsNullOrEmpty(tGroup) ? null : tGroup, string.IsNullOrEmpty(hGroup) ? null : hGroup);
    }
}
