namespace EcodMini.Core.Algorithm;

/// <summary>
/// Splits an unassigned run between two domains where their agreeing hits explain it best (docs/ALGORITHM-NOTES.md): each
/// residue scores, for each side, the fraction of that domain's agreeing hits that cover it; the run is cut at the point
/// that maximises the left side's scores before it plus the right side's after it (ties: nearest the middle, as section 9
/// would cut). Runs with no hit evidence on either side are left to section 9. Per chain; not thread-safe.
/// </summary>
internal static class AgreementGapSplitter
{
    private const string TookGap = "took {range} where its agreeing hits explain the gap best";

    public static void Split(List<WorkingDomain> domains, IReadOnlyDictionary<WorkingDomain, Evidence> sources,
        EvidenceAgreement agreement, int length, RejectionLog log)
    {
        if (sources.Count < 2) return;
        var owner = ResidueOwners.Of(domains, length);
        foreach (var (s, e) in ResidueOwners.UnassignedRuns(owner, length))
        {
            if (s == 1 || e >= length || owner[s - 1] is not { } left || owner[e + 1] is not { } right || ReferenceEquals(left, right)) continue;
            if (!sources.TryGetValue(left, out var leftHit) || !sources.TryGetValue(right, out var rightHit)) continue;
            var leftScore = Scores(agreement.Members(leftHit).ToList(), s, e);
            var rightScore = Scores(agreement.Members(rightHit).ToList(), s, e);
            if (leftScore.All(x => x == 0) && rightScore.All(x => x == 0)) continue;
            var cut = BestCut(leftScore, rightScore);
            if (cut > 0) ResidueOwners.Grow(left, s, s + cut - 1, TookGap, log);
            if (cut < leftScore.Length) ResidueOwners.Grow(right, s + cut, e, TookGap, log);
        }
    }

    /// <summary>Fraction of <paramref name="members"/> covering each residue of <paramref name="from"/>..<paramref name="to"/>.</summary>
    private static double[] Scores(List<Evidence> members, int from, int to)
    {
        var scores = new double[to - from + 1];
        foreach (var m in members)
            foreach (var seg in m.QueryRange.Segments)
                for (var p = Math.Max(from, seg.Start); p <= Math.Min(to, seg.End); p++) scores[p - from] += 1.0 / members.Count;
        return scores;
    }

    /// <summary>Number of leading residues that go left.</summary>
    private static int BestCut(double[] left, double[] right)
    {
        var n = left.Length;
        var score = right.Sum();
        var best = score;
        var bestCut = 0;
        var middle = (n + 1) / 2;
        for (var k = 1; k <= n; k++)
        {
            score += left[k - 1] - right[k - 1];
            if (score > best + 1e-9 || (Math.Abs(score - best) <= 1e-9 && Math.Abs(k - middle) < Math.Abs(bestCut - middle)))
            {
                best = score;
                bestCut = k;
            }
        }
        return bestCut;
    }
}
