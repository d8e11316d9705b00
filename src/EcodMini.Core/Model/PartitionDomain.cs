namespace EcodMini.Core.Model;

/// <summary>One domain of a partitioned chain.</summary>
public sealed record PartitionDomain
{
    /// <summary>Ordinal number after sorting by start (1-based): d1, d2, ...</summary>
    public required int Number { get; init; }
    /// <summary>Output id, e.g. <c>8ovp_A_001</c>.</summary>
    public required string Id { get; init; }
    public required ResidueRange Range { get; init; }
    public int Size => Range.TotalLength;
    public bool IsDiscontinuous => Range.IsDiscontinuous;
    public string? EcodDomainId { get; init; }
    public string? Family { get; init; }
    public string? TGroup { get; init; }
    public string? HGroup { get; init; }
    /// <summary>Evidence type that made the domain (chain_blast_decomposed, domain_blast, hhsearch).</summary>
    public required string Source { get; init; }
    public double Confidence { get; init; }
    public int EvidenceCount { get; init; } = 1;
    /// <summary>The range before boundary optimisation (provenance).</summary>
    public ResidueRange? OriginalRange { get; init; }
    /// <summary>Optimisation actions applied to this domain (provenance), in order.</summary>
    public IReadOnlyList<string> Actions { get; init => field = new TextList<string>(value, a => a, "; "); } = new TextList<string>([], a => a, "; ");

    public override string ToString() => $"{Id} {Range}";
}
