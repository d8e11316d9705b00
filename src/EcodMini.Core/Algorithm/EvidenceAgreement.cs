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
    private readonly int[] _votes;
    private readonly bool[] _outvoted;

    public EvidenceAgreement(IEnumerable<Evidence> hits, PartitionOptions options)
    {
        _hits = hits.ToList();
        var n = _hits.Count;
        _members = new List<int>[n];
        _support = new int[n];
        _votes = new int[n];
        _outvoted = new bool[n];
        var voters = new List<int>[n];
        for (var i = 0; i < n; i++) { _index[_hits[i]] = i; _members[i] = [i]; voters[i] = []; }
        var competitors = new List<(int, int)>();
        // Pairs by increasing start: the inner loop stops at the first hit starting after the outer one ends.
        var byStart = Enumerable.Range(0, n).ToArray();
        Array.Sort(byStart, (x, y) => _hits[x].QueryRange.Start.CompareTo(_hits[y].QueryRange.Start));
        for (var x = 0; x < n; x++)
        {
            var i = byStart[x];
            var a = _hits[i];
            for (var y = x + 1; y < n; y++)
            {
                var j = byStart[y];
                var b = _hits[j];
                if (b.QueryRange.Start > a.QueryRange.End) break;
                var shared = Shared(a.QueryRange, b.QueryRange);
                if (shared < options.AgreementOverlap * a.QueryRange.TotalLength || shared < options.AgreementOverlap * b.QueryRange.TotalLength) continue;
                if (a.VoteOnly || b.VoteOnly)
                {
                    if (a.VoteOnly != b.VoteOnly && Votes(a.VoteOnly ? a : b, a.VoteOnly ? b : a)) voters[a.VoteOnly ? j : i].Add(a.VoteOnly ? i : j);
                    continue;
                }
                if (Differ(a.HGroup, b.HGroup)) { competitors.Add((i, j)); continue; }
                _members[i].Add(j);
                _members[j].Add(i);
                if (Differ(a.TGroup, b.TGroup)) competitors.Add((i, j));
            }
        }
        var weight = new double[n];
        for (var i = 0; i < n; i++)
        {
            _members[i].Sort(); // input order, whatever order the pairs were found in
            (_support[i], weight[i]) = Independent(_members[i]);
            if (voters[i].Count == 0) continue;
            voters[i].Sort();
            var withVotes = Independent([.. _members[i], .. voters[i]]).Count;
            if (withVotes - _support[i] < options.WeakVoteMinVoters) continue;
            _votes[i] = withVotes - _support[i];
            _support[i] = withVotes;
        }
        foreach (var (i, j) in competitors)
        {
            if (!IsEligible(j, options) || !IsEligible(i, options)) continue;
            if (weight[j] > weight[i]) _outvoted[i] = true;
            else if (weight[i] > weight[j]) _outvoted[j] = true;
        }
    }

    /// <summary>Distinct (type, target) among <paramref name="members"/>, and the sum of their best confidences.</summary>
    private (int Count, double Weight) Independent(List<int> members)
    {
        var count = 0;
        var weight = 0.0;
        for (var a = 0; a < members.Count; a++)
        {
            var x = _hits[members[a]];
            var first = true;
            var best = x.Confidence;
            for (var b = 0; b < members.Count && first; b++)
            {
                if (b == a) continue;
                var y = _hits[members[b]];
                if (y.Type != x.Type || !string.Equals(y.TargetId, x.TargetId, StringComparison.Ordinal)) continue;
                if (b < a) first = false;                 // counted at its first occurrence
                else best = Math.Max(best, y.Confidence);
            }
            if (!first) continue;
            count++;
            weight += best;
        }
        return (count, weight);
    }

    /// <summary>Not refused by the lone-hit or sub-threshold rules (only such hits can outvote another).</summary>
    private bool IsEligible(int i, PartitionOptions options) =>
        !(_hits[i].BelowThreshold && _support[i] < options.AgreementMinHits)
        && !(_support[i] == 1 && _hits[i].Confidence < options.LoneHitMinConfidence);

    /// <summary>Independent agreeing hits, itself and counted vote-only hits included.</summary>
    public int Support(Evidence hit) => _support[_index[hit]];

    /// <summary>The part of <see cref="Support"/> that vote-only hits give (0 below <see cref="PartitionOptions.WeakVoteMinVoters"/>).</summary>
    public int Votes(Evidence hit) => _votes[_index[hit]];

    /// <summary>A vote-only hit supports a candidate of its own H-group (both known), never one of another T-group.</summary>
    private static bool Votes(Evidence voter, Evidence candidate) =>
        !string.IsNullOrEmpty(voter.HGroup) && string.Equals(voter.HGroup, candidate.HGroup, StringComparison.Ordinal)
        && !Differ(voter.TGroup, candidate.TGroup);

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
        // Sweep over segment ends instead of counting votes residue by residue (this runs for every candidate tried).
        var events = new List<(int Position, int Delta)>();
        foreach (var m in members)
            foreach (var seg in _hits[m].QueryRange.Segments)
            {
                var end = Math.Min(seg.End, length);
                if (end < seg.Start) continue;
                events.Add((seg.Start, 1));
                events.Add((end + 1, -1));
            }
        events.Sort((x, y) => x.Position.CompareTo(y.Position));
        var segments = new List<Segment>();
        var votes = 0;
        var open = -1;
        for (var i = 0; i < events.Count;)
        {
            var position = events[i].Position;
            while (i < events.Count && events[i].Position == position) votes += events[i++].Delta;
            var covered = votes * 2 >= members.Count && votes > 0;
            if (covered && open < 0) open = position;
            else if (!covered && open >= 0)
            {
                if (segments.Count > 0 && segments[^1].End == open - 1) segments[^1] = segments[^1] with { End = position - 1 };
                else segments.Add(new Segment(open, position - 1));
                open = -1;
            }
        }
        return segments.Count == 0 ? hit.QueryRange : ResidueRange.FromSegments(segments);
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
