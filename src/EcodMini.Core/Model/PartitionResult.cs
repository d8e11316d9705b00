namespace EcodMini.Core.Model;

/// <summary>
/// The outcome of partitioning one chain (also what a partition document reads back as). Its collections print
/// as text (domains as ranges <c>10-120;121-250,300-340</c>, counts as <c>name=n;...</c>), so exports show content.
/// </summary>
public sealed record PartitionResult
{
    public required ProteinId Protein { get; init; }
    public string ProteinId => Protein.ToString();
    public int SequenceLength { get; init; }
    public string? Sequence { get; init; }
    public IReadOnlyList<PartitionDomain> Domains { get; init => field = new TextList<PartitionDomain>(value, d => d.Range.ToString(), ";"); } = Empty<PartitionDomain>();
    public int DomainCount => Domains.Count;
    /// <summary>|union of domain positions| / sequence length.</summary>
    public double Coverage { get; init; }
    public IReadOnlyDictionary<string, int> EvidenceCounts { get; init => field = new TextCounts(value); } = new TextCounts([]);
    public IReadOnlyDictionary<string, int> RejectionCounts { get; init => field = new TextCounts(value); } = new TextCounts([]);
    public IReadOnlyList<QualityFlag> QualityFlags { get; init => field = new TextList<QualityFlag>(value, f => f.FlagType, ";"); } = Empty<QualityFlag>();
    /// <summary>Short lines saying what the engine decided and why (shown with -Verbose).</summary>
    public IReadOnlyList<string> Decisions { get; init => field = new TextList<string>(value, d => d, " | "); } = Empty<string>();
    public string AlgorithmVersion { get; init; } = "";
    public string? BatchId { get; init; }
    public string? InputSha256 { get; init; }
    public DateTimeOffset Timestamp { get; init; }
    public bool Success { get; init; } = true;
    public string? Error { get; init; }
    /// <summary>For a failure: whether another attempt may succeed (Transient) or not (Permanent); null on success.</summary>
    public ErrorClass? ErrorClass { get; init; }
    public double ElapsedMs { get; init; }
    public string? SummaryPath { get; init; }
    /// <summary>The raw chain BLAST file whose alignments were used (provenance), or null when none was.</summary>
    public string? ChainBlastPath { get; init; }
    public string? OutputPath { get; init; }

    /// <summary>The mean of the domains' confidences; null when the chain has no domain.</summary>
    public double? MeanDomainConfidence() => Domains.Count == 0 ? null : Domains.Average(d => d.Confidence);

    private static TextList<T> Empty<T>() => new([], _ => "", ";");
}
