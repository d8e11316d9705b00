using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// Which domain BLAST and HHsearch hits of one chain agree (docs/ALGORITHM-NOTES.md): two hits agree when each has at least
/// <see cref="PartitionOptions.AgreementOverlap"/> of its query positions inside the other and their H-groups do not differ.
/// A hit's support is the number of independent hits (distinct type and target, itself included) that agree with it.
/// Built once per chain (quadratic in the number of hits, over segments); not thread-safe, never shared.
/// </summary>
internal sealed class EvidenceAgreement
{
    private readonly List<Evidence> _hits;
    private readonly Dictionary<Evidence, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<int>[] _members;
    private readonly int[] _support;
    private readonly bool[] _outvoted;

    public EvidenceAgreement(IEnumerable<Evidence> hits, PartitionOptions options)
    {
        _hits = hits.ToList();
        var n = _hits.Count;
        _members = new List<int>[n];
        _support = new int[n];
        _outvoted = new bool[n];
        for (var i = 0; i < n; i++) { _index[_hits[i]] = i; _members[i] = [i]; }
        var competitors = new List<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            var a = _hits[i];
            for (var j = i + 1; j < n; j++)
            {
                var b = _hits[j];
                if (b.QueryRange.Start > a.QueryRange.End || a.QueryRange.Start > b.QueryRange.End) continue;
                var shared = Shared(a.QueryRange, b.QueryRange);
                if (shared < options.AgreementOverlap * a.QueryRange.TotalLength || shared < options.AgreementOverlap * b.QueryRange.TotalLength) continue;
                if (Differ(a.HGroup, b.HGroup)) { competitors.Add((i, j)); continue; }
                _members[i].Add(j);
                _members[j].Add(i);
                if (Differ(a.TGroup, b.TGroup)) competitors.Add((i, j));
            }
        }
        var weight = new double[n];
        for (var i = 0; i < n; i++)
        {
            var best = _members[i].GroupBy(m => (_hits[m].Type, _hits[m].TargetId)).Select(g => g.Max(m => _hits[m].Confidence)).ToList();
            _support[i] = best.Count;
            weight[i] = best.Sum();
        }
        foreach (var (i, j) in competitors)
        {
            if (!IsEligible(j, options) || !IsEligible(i, options)) continue;
            if (weight[j] > weight[i]) _outvoted[i] = true;
            else if (weight[i] > weight[j]) _outvoted[j] = true;
        }
    }

    /// <summary>Not refused by the lone-hit or sub-threshold rules (only such hits can outvote another).</summary>
    private bool IsEligible(int i, PartitionOptions options) =>
        !(_hits[i].BelowThreshold && _support[i] < options.AgreementMinHits)
        && !(_support[i] == 1 && _hits[i].Confidence < options.LoneHitMinConfidence);

    public int Support(Evidence hit) => _support[_index[hit]];

    /// <summary>
    /// A hit of another T-group over the same region, itself a candidate, has more weight: the sum, over its agreeing
    /// independent hits, of their confidence (two weak hits can outweigh one strong one only when together stronger).
    /// </summary>
    public bool IsOutvoted(Evidence hit) => _outvoted[_index[hit]];

    /// <summary>The hit and the hits that agree with it.</summary>
    public IEnumerable<Evidence> Members(Evidence hit) => _members[_index[hit]].Select(m => _hits[m]);

    /// <summary>
    /// Residues covered by at least half of the agreeing hits (per end, the median of their ends; a region that only a
    /// minority covers, such as an inserted domain skipped by two-HSP hits, stays out).
    /// </summary>
    public ResidueRange Consensus(Evidence hit, int length)
    {
        var members = _members[_index[hit]];
        if (members.Count == 1) return hit.QueryRange;
        int from = int.MaxValue, to = 0;
        foreach (var m in members) { from = Math.Min(from, _hits[m].QueryRange.Start); to = Math.Max(to, _hits[m].QueryRange.End); }
        to = Math.Min(to, length);
        var votes = new int[to - from + 1];
        foreach (var m in members)
            foreach (var s in _hits[m].QueryRange.Segments)
                for (var p = s.Start; p <= Math.Min(s.End, to); p++) votes[p - from]++;
        var positions = new List<int>();
        for (var p = from; p <= to; p++)
            if (votes[p - from] * 2 >= members.Count) positions.Add(p);
        return positions.Count == 0 ? hit.QueryRange : ResidueRange.FromPositions(positions);
    }

    /// <summary>The member that names the domain: the best-ordered hit of the T-group most agreeing hits share.</summary>
    public Evidence Representative(Evidence hit, IComparer<Evidence> order)
    {
        var members = Members(hit).ToList();
        var groups = members.GroupBy(m => m.TGroup ?? "", StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Count: g.Count(), Best: g.Min(order)!))
            .ToList();
        var own = groups.First(g => g.Key == (hit.TGroup ?? ""));
        var top = groups.MaxBy(g => g.Count);
        return top.Count > own.Count ? top.Best : hit;
    }

    /// <summary>Number of positions two ranges share (segments sorted, as parsed).</summary>
    internal static int Shared(ResidueRange a, ResidueRange b)
    {
        var shared = 0;
        foreach (var x in a.Segments)
            foreach (var y in b.Segments)
            {
                var from = Math.Max(x.Start, y.Start);
                var to = Math.Min(x.End, y.End);
                if (to >= from) shared += to - from + 1;
            }
        return shared;
    }

    private static bool Differ(string? a, string? b) =>
        !string.IsNullOrEmpty(a) && !string.IsNullOrEmpty(b) && !string.Equals(a, b, StringComparison.Ordinal);
}
