using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>
/// Lays out one query chain: an N-terminal tail, units (a single reference domain, a whole reference
/// chain, or a host domain with another domain inserted into it) joined by short linkers, a C-terminal tail.
/// </summary>
internal sealed class QueryComposer
{
    private readonly SyntheticRandom _random;
    private readonly ReferenceLibrary _library;
    private readonly QuerySequenceBuilder _builder;
    private readonly List<TrueDomain> _domains = [];
    private readonly List<WholeChainCopy> _chainCopies = [];

    public QueryComposer(SyntheticRandom random, ReferenceLibrary library, MutationRates rates, SyntheticRandom? extraRandom = null)
    {
        _random = random;
        _library = library;
        _builder = new QuerySequenceBuilder(random, rates, extraRandom);
        _builder.AppendRandom(Tail());
    }

    public int Length => _builder.Length;
    public int DomainCount => _domains.Count;
    public IReadOnlyList<TrueDomain> Domains => _domains;
    public IReadOnlyList<WholeChainCopy> ChainCopies => _chainCopies;

    // Tails shorter than the partitioner's smallest domain get merged into the end domain, so keep them
    // within the boundary tolerance; long ones stay unassigned.
    private int Tail() => _random.Chance(0.12) ? _random.Between(30, 60) : _random.Between(0, 4);

    private void Linker()
    {
        if (_domains.Count > 0) _builder.AppendRandom(_random.Between(2, 8));
    }

    public void AddDomain(ReferenceDomain domain)
    {
        Linker();
        PlaceDomain(domain);
    }

    private void PlaceDomain(ReferenceDomain domain)
    {
        var pairs = _builder.Copy(_library.ChainOf(domain), domain.Range.Positions());
        _domains.Add(new TrueDomain(ResidueRange.FromSegments([new Segment(pairs[0].Query, pairs[^1].Query)]), domain, pairs));
    }

    public void AddWholeChain(ReferenceChain chain)
    {
        Linker();
        var first = chain.Domains.Min(d => d.Range.Start);
        var last = chain.Domains.Max(d => d.Range.End);
        var pairs = _builder.Copy(chain, Enumerable.Range(first, last - first + 1));
        foreach (var domain in chain.Domains)
            _domains.Add(new TrueDomain(QuerySequenceBuilder.QueryRangeOf(pairs, domain.Range), domain,
                pairs.Where(p => domain.Range.Contains(p.Reference)).ToArray()));
        _chainCopies.Add(new WholeChainCopy(chain, pairs));
    }

    /// <summary>The host domain is split around the inserted one: host becomes two segments.</summary>
    public void AddInsertion(ReferenceDomain host, ReferenceDomain insert)
    {
        Linker();
        var positions = host.Range.Positions().ToArray();
        var split = _random.Between(positions.Length * 2 / 5, positions.Length * 3 / 4);
        var head = _builder.Copy(_library.ChainOf(host), positions[..split]);
        _builder.AppendRandom(_random.Between(2, 5));
        PlaceDomain(insert);
        _builder.AppendRandom(_random.Between(2, 5));
        var tail = _builder.Copy(_library.ChainOf(host), positions[split..]);
        var range = ResidueRange.FromSegments([new Segment(head[0].Query, head[^1].Query), new Segment(tail[0].Query, tail[^1].Query)]);
        _domains.Insert(_domains.Count - 1, new TrueDomain(range, host, [.. head, .. tail], split));
    }

    /// <summary>Residues homologous to nothing in the library.</summary>
    public void AddUnrelated(int count) => _builder.AppendRandom(count);

    /// <summary>Adds the C-terminal tail and returns the sequence.</summary>
    public string Finish()
    {
        _builder.AppendRandom(Tail());
        if (_builder.Length == 0) _builder.AppendRandom(_random.Between(50, 300));
        return _builder.ToString();
    }
}
