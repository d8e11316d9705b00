using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// Reference-end projection (docs/ALGORITHM-NOTES.md): a hit that aligns reference residues h1..h2 of a reference domain
/// of length R leaves h1 - 1 residues unaligned before and R - h2 after; the query domain most likely carries them too.
/// Per end, the projected ends of the agreeing hits are used when they agree better (smaller median absolute deviation)
/// than the raw ends, which must disagree by more than <see cref="PartitionOptions.ProjectionMinRawSpread"/> (median
/// absolute deviation, from at least <see cref="PartitionOptions.ProjectionMinHits"/> hits); the domain then grows to their median into adjacent unassigned residues only, never into another
/// domain. Two domains growing into one gap split the contested part at its middle.
/// </summary>
internal static class ReferenceEndProjector
{
    private const string GrewBy = "grew {range} by reference-end projection";


    public static void Extend(List<WorkingDomain> domains, IReadOnlyDictionary<WorkingDomain, Evidence> sources,
        EvidenceAgreement agreement, int length, PartitionOptions options, RejectionLog log)
    {
        if (sources.Count == 0) return;
        var owner = ResidueOwners.Of(domains, length);
        var targets = new Dictionary<WorkingDomain, (int? Start, int? End)>(ReferenceEqualityComparer.Instance);
        foreach (var (domain, hit) in sources) targets[domain] = Targets(agreement.Members(hit), options);

        foreach (var (s, e) in ResidueOwners.UnassignedRuns(owner, length))
        {
            var left = s > 1 ? owner[s - 1] : null;
            var right = owner[e + 1];
            // A projected end concerns a domain's outer ends only: a run inside the span of a discontinuous domain
            // (next to an inserted domain) is not where its reference's unaligned residues go.
            var leftTo = left is not null && left.End() == s - 1 && targets.TryGetValue(left, out var lt) && lt.End is { } le && le >= s ? Math.Min(e, le) : s - 1;
            var rightFrom = right is not null && right.Start() == e + 1 && targets.TryGetValue(right, out var rt) && rt.Start is { } rs && rs <= e ? Math.Max(s, rs) : e + 1;
            if (leftTo >= rightFrom)
            {
                var mid = rightFrom + (leftTo - rightFrom) / 2;
                leftTo = mid;
                rightFrom = mid + 1;
            }
            if (left is not null && leftTo >= s) ResidueOwners.Grow(left, s, leftTo, GrewBy, log);
            if (right is not null && rightFrom <= e) ResidueOwners.Grow(right, rightFrom, e, GrewBy, log);
        }
    }

    /// <summary>Projected start and end (null where projection does not make the hits agree better, or fewer than two hits tell).</summary>
    private static (int? Start, int? End) Targets(IEnumerable<Evidence> members, PartitionOptions options)
    {
        var rawStarts = new List<int>();
        var rawEnds = new List<int>();
        var projectedStarts = new List<int>();
        var projectedEnds = new List<int>();
        foreach (var m in members)
        {
            if (m.HitRange is not { } hit || m.ReferenceLength is not > 0 || hit.End > m.ReferenceLength) continue;
            rawStarts.Add(m.QueryRange.Start);
            rawEnds.Add(m.QueryRange.End);
            projectedStarts.Add(m.QueryRange.Start - (hit.Start - 1));
            projectedEnds.Add(m.QueryRange.End + (m.ReferenceLength.Value - hit.End));
        }
        if (rawStarts.Count < options.ProjectionMinHits) return (null, null);
        return (Better(projectedStarts, rawStarts, options), Better(projectedEnds, rawEnds, options));
    }

    /// <summary>The projected median, when the raw ends disagree and projecting makes them agree better.</summary>
    private static int? Better(List<int> projected, List<int> raw, PartitionOptions options)
    {
        var spread = Deviation(raw);
        return spread > options.ProjectionMinRawSpread && Deviation(projected) < spread ? Median(projected) : null;
    }

    private static int Median(List<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[(sorted.Length - 1) / 2];
    }

    private static double Deviation(List<int> values)
    {
        var median = Median(values);
        var deviations = values.Select(v => Math.Abs(v - median)).Order().ToArray();
        return deviations.Length % 2 == 1 ? deviations[deviations.Length / 2] : (deviations[deviations.Length / 2 - 1] + deviations[deviations.Length / 2]) / 2.0;
    }
}
