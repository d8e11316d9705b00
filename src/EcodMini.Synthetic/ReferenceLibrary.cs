namespace EcodMini.Synthetic;

/// <summary>
/// The synthetic reference library: chains with 1-4 classified domains, some discontinuous, a few
/// blacklisted; plus the lookups the chain builder draws from. Immutable once built.
/// </summary>
internal sealed class ReferenceLibrary
{
    private readonly Dictionary<string, ReferenceDomain[]> _byTGroup;
    private readonly Dictionary<string, ReferenceDomain[]> _byHGroup;

    public ReferenceLibrary(IReadOnlyList<ReferenceChain> chains)
    {
        Chains = chains;
        var usable = chains.Where(c => !c.Blacklisted).ToArray();
        SingleDomainChains = usable.Where(c => c.Domains.Count == 1).ToArray();
        MultiDomainChains = usable.Where(c => c.Domains.Count > 1).ToArray();
        UsableDomains = usable.SelectMany(c => c.Domains).ToArray();
        LargeDomains = UsableDomains.Where(d => d.Length >= 150).ToArray();
        BlacklistedChains = chains.Where(c => c.Blacklisted).ToArray();
        ChainsByPdb = chains.ToDictionary(c => c.Pdb, StringComparer.Ordinal);
        _byTGroup = UsableDomains.GroupBy(d => d.TGroup, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _byHGroup = UsableDomains.GroupBy(d => d.HGroup, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        if (SingleDomainChains.Count == 0 || MultiDomainChains.Count == 0 || BlacklistedChains.Count == 0 || LargeDomains.Count == 0)
            throw new InvalidOperationException("the synthetic reference library is too small");
    }

    public IReadOnlyList<ReferenceChain> Chains { get; }
    public IReadOnlyList<ReferenceChain> SingleDomainChains { get; }
    public IReadOnlyList<ReferenceChain> MultiDomainChains { get; }
    public IReadOnlyList<ReferenceChain> BlacklistedChains { get; }
    public IReadOnlyList<ReferenceDomain> UsableDomains { get; }
    /// <summary>Usable domains of at least 150 residues (targets of poor-coverage decoys).</summary>
    public IReadOnlyList<ReferenceDomain> LargeDomains { get; }
    public IReadOnlyDictionary<string, ReferenceChain> ChainsByPdb { get; }

    public ReferenceChain ChainOf(ReferenceDomain domain) => ChainsByPdb[domain.Pdb];

    /// <summary>Usable domains of one T-group (homologs for redundant hits).</summary>
    public IReadOnlyList<ReferenceDomain> DomainsOfTGroup(string tGroup) =>
        _byTGroup.TryGetValue(tGroup, out var list) ? list : [];

    /// <summary>Usable domains of one H-group (all its T-groups).</summary>
    public IReadOnlyList<ReferenceDomain> DomainsOfHGroup(string hGroup) =>
        _byHGroup.TryGetValue(hGroup, out var list) ? list : [];
}
