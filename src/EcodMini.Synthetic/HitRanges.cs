using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>Range helpers for synthetic hits: noisy query boundaries and target-side coverage ranges.</summary>
internal static class HitRanges
{
    /// <summary>
    /// The range with its outer boundaries (first start, last end) moved by up to <paramref name="maxShift"/>
    /// residues, kept inside 1..<paramref name="length"/>; inner boundaries stay.
    /// </summary>
    public static ResidueRange Jitter(SyntheticRandom random, ResidueRange range, int maxShift, int length)
    {
        var segments = range.Segments.ToArray();
        var start = Math.Max(1, segments[0].Start + random.Between(-maxShift, maxShift));
        var end = Math.Min(length, segments[^1].End + random.Between(-maxShift, maxShift));
        segments[0] = segments[0] with { Start = start };
        segments[^1] = segments[^1] with { End = end };
        return segments.All(s => s.Start <= s.End) ? ResidueRange.FromSegments(segments) : range;
    }

    /// <summary>A stretch of <paramref name="count"/> residues inside 1..<paramref name="length"/> at a random place.</summary>
    public static ResidueRange Stretch(SyntheticRandom random, int count, int length)
    {
        count = Math.Clamp(count, 1, length);
        var start = random.Between(1, length - count + 1);
        return ResidueRange.FromSegments([new Segment(start, start + count - 1)]);
    }

    /// <summary>A continuous target range covering about <paramref name="coverage"/> of a target of <paramref name="targetLength"/>.</summary>
    public static ResidueRange Covering(SyntheticRandom random, double coverage, int targetLength)
    {
        var count = Math.Clamp((int)Math.Round(targetLength * coverage), 1, targetLength);
        return Stretch(random, count, targetLength);
    }

    public static ResidueRange Single(int start, int end) => ResidueRange.FromSegments([new Segment(start, end)]);
}
