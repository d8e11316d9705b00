using System.Text;

namespace EcodMini.Synthetic;

/// <summary>Turns aligned residue pairs into BLAST-style gapped strings.</summary>
internal static class AlignmentBuilder
{
    /// <summary>
    /// The alignment from the first to the last pair: residues between consecutive pairs become
    /// gaps on the other side, so non-gap counts always equal the coordinate spans.
    /// </summary>
    public static ChainAlignment FromPairs(IReadOnlyList<AlignedPair> pairs, string query, string reference)
    {
        if (pairs.Count == 0) throw new ArgumentException("no aligned pairs", nameof(pairs));
        var q = new StringBuilder();
        var h = new StringBuilder();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                var prev = pairs[i - 1];
                for (var r = prev.Reference + 1; r < pairs[i].Reference; r++) { q.Append('-'); h.Append(reference[r - 1]); }
                for (var p = prev.Query + 1; p < pairs[i].Query; p++) { q.Append(query[p - 1]); h.Append('-'); }
            }
            q.Append(query[pairs[i].Query - 1]);
            h.Append(reference[pairs[i].Reference - 1]);
        }
        return new ChainAlignment(pairs[0].Query, pairs[^1].Query, pairs[0].Reference, pairs[^1].Reference, q.ToString(), h.ToString(), reference.Length);
    }

    /// <summary>An ungapped alignment of two stretches (decoys).</summary>
    public static ChainAlignment Ungapped(string query, int queryFrom, string reference, int hitFrom, int length) =>
        new(queryFrom, queryFrom + length - 1, hitFrom, hitFrom + length - 1,
            query.Substring(queryFrom - 1, length), reference.Substring(hitFrom - 1, length), reference.Length);
}
