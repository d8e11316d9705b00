using System.Globalization;
using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// Boundary optimisation (section 9): small overlaps go to the stronger domain, small unassigned fragments merge into
/// neighbours, larger gaps are reported. A domain's start and end are its first and last residue (whole-domain span,
/// as the specification states), so a fragment inside the span of a discontinuous domain is N- or C-terminal when no
/// other domain ends before / starts after it.
/// A one-residue run with a neighbour on both sides is treated as interstitial (goes to the higher-confidence
/// neighbour, ties to the preceding one); any other one-residue run is a singleton.
/// </summary>
internal static class BoundaryOptimizer
{
    public static void Optimize(List<WorkingDomain> domains, int length, PartitionOptions options, RejectionLog log, List<QualityFlag> flags)
    {
        WorkingDomain.SortByStart(domains);
        ResolveSmallOverlaps(domains, options, log);
        domains.RemoveAll(d =>
        {
            if (d.Count() > 0) return false;
            log.Note($"dropped {d.Source} {d.EcodDomainId}: no residues left after overlap resolution");
            return true;
        });
        WorkingDomain.SortByStart(domains); // a domain that lost its first residues may no longer be first
        if (domains.Count == 0)
        {
            if (length >= options.MinDomainSize) flags.Add(LargeGap(1, length));
            return;
        }
        MergeFragments(domains, length, options, log, flags);
        WorkingDomain.SortByStart(domains);
    }

    private static void ResolveSmallOverlaps(List<WorkingDomain> domains, PartitionOptions options, RejectionLog log)
    {
        // Spans taken once: a domain only ever loses positions here, so its first span stays a superset of its positions,
        // and pairs whose spans are disjoint (most of them on long chains) cost nothing.
        var spans = domains.ConvertAll(d => (Start: d.Start(), End: d.End()));
        for (var i = 0; i < domains.Count; i++)
        {
            for (var j = i + 1; j < domains.Count; j++)
            {
                var a = domains[i];
                var b = domains[j];
                var from = Math.Max(spans[i].Start, spans[j].Start);
                var to = Math.Min(spans[i].End, spans[j].End);
                var shared = 0;
                for (var p = from; p <= to; p++)
                    if (a.Positions[p] && b.Positions[p]) shared++;
                if (shared == 0 || shared > options.SmallOverlapMax) continue;
                var loser = a.Confidence < b.Confidence ? a
                    : b.Confidence < a.Confidence ? b
                    : b.Count() < a.Count() ? b
                    : a.Count() < b.Count() ? a : b;
                var winner = ReferenceEquals(loser, a) ? b : a;
                for (var p = from; p <= to; p++)
                    if (a.Positions[p] && b.Positions[p]) loser.Positions[p] = false;
                var action = $"lost {shared} overlapping residue(s) to {winner.Source} {winner.EcodDomainId}";
                loser.Actions.Add(action);
                log.Note($"{loser.Source} {loser.EcodDomainId} {action}");
            }
        }
    }

    private static void MergeFragments(List<WorkingDomain> domains, int length, PartitionOptions options, RejectionLog log, List<QualityFlag> flags)
    {
        var covered = new bool[length + 1];
        var spans = new List<(WorkingDomain Domain, int Start, int End)>(domains.Count);
        foreach (var d in domains)
        {
            for (var p = 1; p <= length; p++) covered[p] |= d.Positions[p];
            spans.Add((d, d.Start(), d.End()));
        }
        var first = spans[0].Domain;
        var last = spans[0];
        foreach (var span in spans) if (span.End > last.End) last = span;

        var assignments = new List<(int From, int To, WorkingDomain Domain, string Kind)>();
        var p0 = 1;
        while (p0 <= length)
        {
            if (covered[p0]) { p0++; continue; }
            var s = p0;
            while (p0 <= length && !covered[p0]) p0++;
            var e = p0 - 1;
            var runLength = e - s + 1;
            if (runLength >= options.MinDomainSize)
            {
                flags.Add(LargeGap(s, e));
                log.Note($"left unassigned {s}-{e} ({runLength} residues): possible missed domain");
                continue;
            }
            var before = Neighbour(spans, s - 1, options.NeighborTolerance, preceding: true);
            var after = Neighbour(spans, e + 1, options.NeighborTolerance, preceding: false);
            var endsBefore = false;
            var startsAfter = false;
            foreach (var span in spans)
            {
                endsBefore |= span.End < s;
                startsAfter |= span.Start > e;
            }
            var interstitial = endsBefore && startsAfter;
            if (runLength == 1 && !(interstitial && before is not null && after is not null))
                assignments.Add((s, e, Closest(spans, s), "singleton"));
            else if (!endsBefore)
                assignments.Add((s, e, first, "N-terminal"));
            else if (!startsAfter)
                assignments.Add((s, e, last.Domain, "C-terminal"));
            else if (before is not null && after is not null)
            {
                if (runLength == 1)
                    assignments.Add((s, e, after.Confidence > before.Confidence ? after : before, "interstitial"));
                else
                {
                    var mid = s + (runLength - 1) / 2;
                    assignments.Add((s, mid, before, "interstitial"));
                    assignments.Add((mid + 1, e, after, "interstitial"));
                }
            }
            else if (before is not null || after is not null)
                assignments.Add((s, e, (before ?? after)!, "interstitial"));
            else
                assignments.Add((s, e, first, "N-terminal (no neighbour)"));
        }
        foreach (var (from, to, domain, kind) in assignments)
        {
            for (var p = from; p <= to; p++) domain.Positions[p] = true;
            var text = from == to
                ? string.Create(CultureInfo.InvariantCulture, $"merged {kind} fragment {from}")
                : string.Create(CultureInfo.InvariantCulture, $"merged {kind} fragment {from}-{to}");
            domain.Actions.Add(text);
            log.Note($"{domain.Source} {domain.EcodDomainId} {text}");
        }
    }

    /// <summary>The domain whose end (preceding) or start (following) is within tolerance of <paramref name="anchor"/>; closest wins, then earliest start.</summary>
    private static WorkingDomain? Neighbour(List<(WorkingDomain Domain, int Start, int End)> spans, int anchor, int tolerance, bool preceding)
    {
        WorkingDomain? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (d, start, end) in spans)
        {
            var distance = preceding ? anchor - end : start - anchor;
            if (distance < 0 || distance > tolerance) continue;
            if (distance < bestDistance) { best = d; bestDistance = distance; }
        }
        return best;
    }

    /// <summary>The domain whose start or end is closest to the position; ties go to the domain that starts first.</summary>
    private static WorkingDomain Closest(List<(WorkingDomain Domain, int Start, int End)> spans, int position)
    {
        WorkingDomain? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (d, start, end) in spans)
        {
            var distance = Math.Min(Math.Abs(start - position), Math.Abs(end - position));
            if (distance < bestDistance) { best = d; bestDistance = distance; }
        }
        return best!;
    }

    private static QualityFlag LargeGap(int from, int to) => new("large_gap", QualityFlag.Warning,
        string.Create(CultureInfo.InvariantCulture, $"residues {from}-{to} ({to - from + 1}) unassigned: possible missed domain"));
}
