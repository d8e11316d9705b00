using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// Chain-BLAST decomposition by alignment mapping (section 8): maps each reference domain of the hit chain through the
/// alignment onto the query. Query-side holes inside a piece shorter than <see cref="PartitionOptions.HoleFillMaxLength"/>
/// and not mapped by another piece are filled (section 12), so an inserted domain (longer) is never swallowed.
/// </summary>
internal static class ChainBlastDecomposer
{
    public static DecompositionResult Decompose(ChainAlignment alignment, IReadOnlyList<ReferenceDomain> referenceDomains,
        double chainConfidence, int sequenceLength, PartitionOptions options)
    {
        var qs = alignment.QuerySequence;
        var hs = alignment.HitSequence;
        if (qs.Length != hs.Length)
            return new DecompositionResult([], RejectionReasons.AlignmentLengthMismatch, $"query {qs.Length} vs hit {hs.Length} aligned characters");

        if (alignment.QueryStart < 1 || alignment.HitStart < 1 || alignment.HitStart > options.MaxSequenceLength)
            return new DecompositionResult([], RejectionReasons.InvalidAlignment, $"alignment starts (query {alignment.QueryStart}, hit {alignment.HitStart}) out of bounds");
        var hitToQuery = MapHitToQuery(qs, hs, alignment.QueryStart, alignment.HitStart);
        var owner = new int[sequenceLength + 1];
        var mapped = new List<(ReferenceDomain Domain, List<int> Query, List<int> Hit)>();
        foreach (var domain in referenceDomains)
        {
            var q = new List<int>();
            var h = new List<int>();
            foreach (var seg in domain.Range.Segments)
            {
                var end = Math.Min(seg.End, hitToQuery.Length - 1);
                for (var p = seg.Start; p <= end; p++)
                {
                    var qp = hitToQuery[p];
                    if (qp < 1 || qp > sequenceLength || owner[qp] != 0) continue;
                    q.Add(qp);
                    h.Add(p);
                }
            }
            if (q.Count < options.MinMappedPositions) continue;
            foreach (var qp in q) owner[qp] = mapped.Count + 1;
            mapped.Add((domain, q, h));
        }

        var pieces = new List<DecomposedPiece>(mapped.Count);
        for (var i = 0; i < mapped.Count; i++)
        {
            var (domain, q, h) = mapped[i];
            q.Sort();
            var filled = FillHoles(q, owner, i + 1, options.HoleFillMaxLength);
            var coverage = (double)h.Count / domain.Range.TotalLength;
            pieces.Add(new DecomposedPiece(domain, ResidueRange.FromPositions(q), ResidueRange.FromPositions(h), h.Count,
                coverage, ConfidenceCalculator.Round(chainConfidence * coverage), filled));
        }
        var ok = pieces.Count >= 2 || (pieces.Count == 1 && referenceDomains.Count == 1);
        return ok
            ? new DecompositionResult(pieces, null, null)
            : new DecompositionResult(pieces, RejectionReasons.DecompositionFailed,
                $"{pieces.Count} piece(s) with >= {options.MinMappedPositions} mapped positions from {referenceDomains.Count} reference domain(s)");
    }

    /// <summary>hitToQuery[hitPos] = query position aligned to it (0 = none).</summary>
    internal static int[] MapHitToQuery(string querySeq, string hitSeq, int queryStart, int hitStart)
    {
        var hitResidues = 0;
        foreach (var c in hitSeq) if (c != '-') hitResidues++;
        var map = new int[Math.Max(hitStart, 1) + hitResidues + 1];
        int q = queryStart, h = hitStart;
        for (var i = 0; i < querySeq.Length; i++)
        {
            var qRes = querySeq[i] != '-';
            var hRes = hitSeq[i] != '-';
            if (qRes && hRes && h >= 1 && h < map.Length) map[h] = q;
            if (qRes) q++;
            if (hRes) h++;
        }
        return map;
    }

    /// <summary>Adds to <paramref name="sorted"/> every hole shorter than <paramref name="maxHole"/> that no other piece owns.</summary>
    private static int FillHoles(List<int> sorted, int[] owner, int self, int maxHole)
    {
        if (maxHole <= 1 || sorted.Count < 2) return 0;
        var additions = new List<int>();
        for (var i = 1; i < sorted.Count; i++)
        {
            var a = sorted[i - 1];
            var b = sorted[i];
            var hole = b - a - 1;
            if (hole < 1 || hole >= maxHole) continue;
            var free = true;
            for (var p = a + 1; p < b && free; p++) free = owner[p] == 0;
            if (!free) continue;
            for (var p = a + 1; p < b; p++) { additions.Add(p); owner[p] = self; }
        }
        if (additions.Count == 0) return 0;
        sorted.AddRange(additions);
        sorted.Sort();
        return additions.Count;
    }
}
