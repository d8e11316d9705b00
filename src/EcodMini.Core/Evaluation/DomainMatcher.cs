using EcodMini.Core.Model;

namespace EcodMini.Core.Evaluation;

/// <summary>Boundary matching: same number of segments, every segment start and end within the tolerance.</summary>
internal static class DomainMatcher
{
    /// <summary>The closest matching predicted domain (least total boundary shift; first on ties), or null.</summary>
    public static ComparedDomain? FindMatch(ComparedDomain reference, IReadOnlyList<ComparedDomain> predicted, int tolerance)
    {
        ComparedDomain? best = null;
        var bestShift = int.MaxValue;
        foreach (var candidate in predicted)
        {
            var shift = Shift(reference.Range, candidate.Range, tolerance);
            if (shift is { } s && s < bestShift)
            {
                best = candidate;
                bestShift = s;
            }
        }
        return best;
    }

    /// <summary>Total boundary shift when every boundary is within tolerance, else null.</summary>
    public static int? Shift(ResidueRange reference, ResidueRange predicted, int tolerance)
    {
        if (reference.Segments.Count != predicted.Segments.Count || reference.IsEmpty) return null;
        var a = reference.Segments.Order().ToArray();
        var b = predicted.Segments.Order().ToArray();
        var total = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var start = Math.Abs(a[i].Start - b[i].Start);
            var end = Math.Abs(a[i].End - b[i].End);
            if (start > tolerance || end > tolerance) return null;
            total += start + end;
        }
        return total;
    }
}
