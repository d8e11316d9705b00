using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>Makes a parsed range canonical: sorted, non-overlapping, adjacent segments merged.</summary>
internal static class RangeNormalizer
{
    public static ResidueRange Normalize(ResidueRange range)
    {
        var s = range.Segments;
        for (var i = 1; i < s.Count; i++)
            if (s[i].Start <= s[i - 1].End + 1) return ResidueRange.FromPositions(range.Positions());
        return range;
    }
}
