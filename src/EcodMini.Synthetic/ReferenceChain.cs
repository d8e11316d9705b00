namespace EcodMini.Synthetic;

/// <summary>A synthetic reference chain: its sequence and its ordered domains.</summary>
internal sealed record ReferenceChain(string Pdb, string Chain, string Sequence, IReadOnlyList<ReferenceDomain> Domains, bool Blacklisted)
{
    public int Length => Sequence.Length;
}
