namespace EcodMini.Core.Algorithm;

/// <summary>
/// One evidence hit as read from a summary, values still as text (parsed and validated by the engine so that
/// a bad hit is rejected and counted instead of failing the chain).
/// </summary>
public sealed record SummaryHit
{
    /// <summary>chain_blast, domain_blast or hhsearch.</summary>
    public required string Type { get; init; }
    /// <summary>Target ECOD domain id (domain hits) or chain/domain id (chain BLAST), e.g. <c>e2ia4B1</c> or <c>2ia4_B</c>.</summary>
    public string? TargetId { get; init; }
    public string? Pdb { get; init; }
    public string? Chain { get; init; }
    public string? QueryRange { get; init; }
    public string? HitRange { get; init; }
    public string? Evalue { get; init; }
    public string? Probability { get; init; }
    public string? TGroup { get; init; }
    public string? HGroup { get; init; }
    public string? Family { get; init; }
    /// <summary>The hit's raw score (HHsearch score, BLAST bit score) when the summary carries one.</summary>
    public string? Score { get; init; }
    /// <summary>High-scoring pairs behind the hit (BLAST), when given.</summary>
    public string? HspCount { get; init; }
    /// <summary>Inline aligned strings (legacy chain BLAST hits may carry them).</summary>
    public string? QuerySequence { get; init; }
    public string? HitSequence { get; init; }
}
