namespace EcodMini.Core.Algorithm;

/// <summary>
/// Rebuilds a host domain split by an inserted domain when its hits report only one piece (docs/ALGORITHM-NOTES.md): an
/// unassigned run of at least <see cref="PartitionOptions.MinDomainSize"/> residues, separated from a domain D only by one
/// other domain (the insert), becomes D's second segment when D's agreeing hits leave unaligned, on the side facing the
/// run, about as many reference residues as the run holds (median over the hits, within
/// <see cref="PartitionOptions.HostRemainderTolerance"/>), or when one of them reaches into the run with a further segment
/// (collinear HSPs of one reference around the insert) covering at least half of it. Per chain; not thread-safe.
/// </summary>
internal static class SplitHostClaimer
{
    public static void Claim(List<WorkingDomain> domains, IReadOnlyDictionary<WorkingDomain, Evidence> sources,
        EvidenceAgreement agreement, int length, PartitionOptions options, RejectionLog log)
    {
        if (sources.Count < 1 || domains.Count < 2) return;
        var owner = ResidueOwners.Of(domains, length);
        foreach (var (s, e) in ResidueOwners.UnassignedRuns(owner, length))
        {
            var run = e - s + 1;
            if (run < options.MinDomainSize) continue;
            var host = HostBeyondInsert(owner, s, e, s - 1, -1, sources, agreement, options, before: true)
                ?? HostBeyondInsert(owner, s, e, e + 1, +1, sources, agreement, options, before: false);
            if (host is null) continue;
            ResidueOwners.Grow(host, s, e, "claimed {range} as the rest of a host split by an inserted domain", log);
            for (var p = s; p <= e; p++) owner[p] = host;
        }
    }

    /// <summary>
    /// Walking from <paramref name="from"/> away from the run: one domain X (the insert) owns every residue up to a domain D,
    /// and D's hits leave a matching remainder on the side facing the run. Returns D or null.
    /// </summary>
    private static WorkingDomain? HostBeyondInsert(WorkingDomain?[] owner, int runStart, int runEnd, int from, int step,
        IReadOnlyDictionary<WorkingDomain, Evidence> sources, EvidenceAgreement agreement, PartitionOptions options, bool before)
    {
        var run = runEnd - runStart + 1;
        if (from < 1 || from >= owner.Length - 1 || owner[from] is not { } insert) return null;
        var p = from;
        while (p >= 1 && p < owner.Length - 1 && ReferenceEquals(owner[p], insert)) p += step;
        // A linker smaller than a domain may still lie unassigned between the insert and the host.
        for (var skipped = 0; p >= 1 && p < owner.Length - 1 && owner[p] is null && skipped < options.MinDomainSize; skipped++) p += step;
        if (p < 1 || p >= owner.Length - 1 || owner[p] is not { } host || !sources.TryGetValue(host, out var hit)) return null;
        // The insert must lie wholly between host and run, and the host must not reach past it already.
        for (var q = 1; q < owner.Length - 1; q++)
            if (ReferenceEquals(owner[q], insert) && (step < 0 ? q > from : q < from)) return null;
        var remainders = new List<int>();
        foreach (var m in agreement.Members(hit))
        {
            if (ReachesRun(m, runStart, runEnd)) return host;
            if (m.HitRange is not { } range || m.ReferenceLength is not > 0 || range.End > m.ReferenceLength) continue;
            // Run after the host (before == true): the host's C-terminal remainder; run before it: the N-terminal one.
            remainders.Add(before ? m.ReferenceLength.Value - range.End : range.Start - 1);
        }
        if (remainders.Count == 0) return null;
        var median = remainders.Order().ElementAt((remainders.Count - 1) / 2);
        var tolerance = Math.Max(options.NeighborTolerance * 2, options.HostRemainderTolerance * run);
        return Math.Abs(median - run) <= tolerance ? host : null;
    }

    /// <summary>One hit of the host reaches into the run with a later segment (a second, collinear HSP) covering most of it.</summary>
    private static bool ReachesRun(Evidence hit, int runStart, int runEnd)
    {
        var segments = hit.QueryRange.Segments;
        if (segments.Count < 2) return false;
        var run = runEnd - runStart + 1;
        foreach (var seg in segments)
        {
            var shared = Math.Min(seg.End, runEnd) - Math.Max(seg.Start, runStart) + 1;
            if (shared * 2 >= run) return true;
        }
        return false;
    }
}
