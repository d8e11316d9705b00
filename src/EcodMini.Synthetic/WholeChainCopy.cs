namespace EcodMini.Synthetic;

/// <summary>A query stretch copied from a whole reference chain (what a chain BLAST hit aligns).</summary>
internal sealed record WholeChainCopy(ReferenceChain Source, IReadOnlyList<AlignedPair> Pairs);
