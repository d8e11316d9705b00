using System.Text;
using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>
/// Grows one query sequence: random linkers, and mutated copies of reference residues whose
/// query/reference correspondence is recorded as <see cref="AlignedPair"/>s.
/// </summary>
internal sealed class QuerySequenceBuilder(SyntheticRandom random, MutationRates rates, SyntheticRandom? extraRandom = null)
{
    private readonly StringBuilder _sequence = new();

    public int Length => _sequence.Length;

    public void AppendRandom(int count) => AminoAcids.Append(_sequence, random, count);

    /// <summary>
    /// Copies the given reference positions (in order) with substitutions, deletions and small
    /// insertions; returns the aligned pairs (increasing on both sides).
    /// </summary>
    public List<AlignedPair> Copy(ReferenceChain source, IEnumerable<int> referencePositions)
    {
        var pairs = new List<AlignedPair>();
        foreach (var r in referencePositions)
        {
            if (pairs.Count > 0 && random.Chance(rates.Insertion)) AppendRandom(random.Between(1, 2));
            if (pairs.Count > 0 && random.Chance(rates.Deletion)) continue;
            var residue = source.Sequence[r - 1];
            var copied = random.Chance(rates.Substitution) ? AminoAcids.Substitute(random, residue) : residue;
            if (copied == residue && extraRandom is not null && extraRandom.Chance(rates.ExtraSubstitution))
                copied = AminoAcids.Substitute(extraRandom, residue);
            _sequence.Append(copied);
            pairs.Add(new AlignedPair(_sequence.Length, r));
        }
        return pairs;
    }

    /// <summary>The query range a reference domain landed on: per reference segment, first to last aligned query residue.</summary>
    public static ResidueRange QueryRangeOf(IReadOnlyList<AlignedPair> pairs, ResidueRange referenceRange)
    {
        var segments = new List<Segment>();
        foreach (var segment in referenceRange.Segments)
        {
            int first = int.MaxValue, last = int.MinValue;
            foreach (var p in pairs)
            {
                if (!segment.Contains(p.Reference)) continue;
                first = Math.Min(first, p.Query);
                last = Math.Max(last, p.Query);
            }
            if (first <= last) segments.Add(new Segment(first, last));
        }
        return MergeAdjacent(segments);
    }

    /// <summary>Sorted segments with touching neighbours joined.</summary>
    public static ResidueRange MergeAdjacent(IEnumerable<Segment> segments)
    {
        var merged = new List<Segment>();
        foreach (var s in segments.Order())
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End + 1)
                merged[^1] = new Segment(merged[^1].Start, Math.Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        return ResidueRange.FromSegments(merged);
    }

    public override string ToString() => _sequence.ToString();
}
