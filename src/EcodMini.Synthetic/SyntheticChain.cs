using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>A fully built synthetic query chain: sequence, true domains and the evidence to write.</summary>
internal sealed record SyntheticChain(
    ProteinId Id,
    ChainCategory Category,
    string Sequence,
    IReadOnlyList<TrueDomain> Domains,
    IReadOnlyList<SyntheticHit> Hits)
{
    public int Length => Sequence.Length;

    /// <summary>Chain BLAST hits in file order (numbered from 1 in the outputs).</summary>
    public IEnumerable<SyntheticHit> ChainBlastHits => Hits.Where(h => h.Type == EvidenceType.ChainBlast);
}
