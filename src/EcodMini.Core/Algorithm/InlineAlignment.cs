using System.Text;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// The alignment carried inline by a legacy chain BLAST hit. One HSP: the strings start at the query/hit range starts.
/// Several HSPs written comma-separated (one per <c>query_reg</c>/<c>hit_reg</c> segment, like <c>evalues</c>): collinear
/// HSPs are joined into one alignment (unaligned residues between them against gaps); otherwise the first HSP is used.
/// </summary>
internal static class InlineAlignment
{
    /// <summary><paramref name="hit"/>'s ranges as written (segment i = HSP i); the single-HSP starts are the range starts.</summary>
    public static ChainAlignment Create(SummaryHit hit, int queryStart, int hitStart, double? evalue)
    {
        string querySeq = hit.QuerySequence!, hitSeq = hit.HitSequence!;
        if (!querySeq.Contains(',') && !hitSeq.Contains(',')) return new ChainAlignment(querySeq, hitSeq, queryStart, hitStart, evalue);
        var qParts = querySeq.Split(',');
        var hParts = hitSeq.Split(',');
        var n = qParts.Length;
        if (hParts.Length != n || !ResidueRange.TryParse(RangeText.StripChainPrefixes(hit.QueryRange), out var query)
            || !ResidueRange.TryParse(RangeText.StripChainPrefixes(hit.HitRange), out var target)
            || query.Segments.Count != n || target.Segments.Count != n)
            return new ChainAlignment(qParts[0], hParts[0], queryStart, hitStart, evalue);
        var q = new StringBuilder(qParts[0]);
        var h = new StringBuilder(hParts[0]);
        var qEnd = query.Segments[0].Start + Residues(qParts[0]) - 1;
        var hEnd = target.Segments[0].Start + Residues(hParts[0]) - 1;
        for (var i = 1; i < n; i++)
        {
            int qs = query.Segments[i].Start, hs = target.Segments[i].Start;
            if (qs <= qEnd || hs <= hEnd || qParts[i].Length != hParts[i].Length)
                return new ChainAlignment(qParts[0], hParts[0], query.Segments[0].Start, target.Segments[0].Start, evalue);
            q.Append('X', qs - qEnd - 1).Append('-', hs - hEnd - 1).Append(qParts[i]);
            h.Append('-', qs - qEnd - 1).Append('X', hs - hEnd - 1).Append(hParts[i]);
            qEnd = qs + Residues(qParts[i]) - 1;
            hEnd = hs + Residues(hParts[i]) - 1;
        }
        return new ChainAlignment(q.ToString(), h.ToString(), query.Segments[0].Start, target.Segments[0].Start, evalue);
    }

    private static int Residues(string aligned)
    {
        var n = 0;
        foreach (var c in aligned) if (c != '-') n++;
        return n;
    }
}
