using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>Everything the engine needs about one chain (pure in-memory input of <see cref="PartitionEngine"/>).</summary>
public sealed record ChainEvidence
{
    public required ProteinId Protein { get; init; }
    /// <summary>Recorded sequence length, or null when the summary records none.</summary>
    public int? Length { get; init; }
    public string? Sequence { get; init; }
    public IReadOnlyList<SummaryHit> Hits { get; init; } = [];
    /// <summary>Raw chain BLAST alignments keyed by <see cref="AlignmentKey"/> (hit pdb lower-case, hit chain).</summary>
    public IReadOnlyDictionary<string, ChainAlignment> Alignments { get; init; } = new Dictionary<string, ChainAlignment>();
    public string? BatchId { get; init; }
    /// <summary>The raw chain BLAST file the summary itself names (as written; resolved by the pipeline), or null.</summary>
    public string? ChainBlastReference { get; init; }

    public static string AlignmentKey(string pdb, string chain) => pdb.ToLowerInvariant() + "_" + chain;
}
