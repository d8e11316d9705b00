using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>
/// True evidence with <see cref="SyntheticNoise.AlignedHitRanges"/>: each hit aligns one contiguous part of its reference
/// domain, so its query range is where that part landed (ends then shifted by BLAST-like noise) and its hit range names
/// that part. A host split by an insert is reported as one hit with two collinear HSPs or as its longer HSP only.
/// </summary>
internal static class AlignedHomologEvidence
{
    /// <summary>Query positions further apart than this split a piece into segments (a discontinuous reference domain).</summary>
    private const int SegmentBreak = 10;
    private const int MinimumPieceLength = 10;

    public static void AddDomainHits(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, TrueDomain domain,
        int length, bool blastVisible, SyntheticNoise noise)
    {
        var index = DomainIndex(domain.Source);
        if (blastVisible)
        {
            var blastCount = random.Between(1, 6);
            for (var i = 0; i < blastCount; i++)
            {
                var target = i == 0 ? domain.Source : HomologEvidence.Homolog(random, library, domain.Source);
                AddAligned(hits, random, noise, EvidenceType.DomainBlast, target, domain, index, EValues.Strong(random, 4, 60), null, length,
                    noise.MinHitCoverage, 1.0);
            }
        }
        if (!blastVisible && noise.RemoteProfileQuality) RemoteHomologEvidence.Add(hits, random, library, domain, index, length, noise);
        else AddHhSearchHits(hits, random, library, domain, index, length, blastVisible, noise);
        if (random.Chance(noise.CompetingDecoyFraction))
        {
            hits.Add(ThresholdDecoys.Competing(random, library, domain, noise, length));
            HhSearchSiblings.MaybeAddForDecoy(hits, random, library, hits[^1], length, noise);
        }
    }

    private static void AddHhSearchHits(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, TrueDomain domain,
        Dictionary<int, int> index, int length, bool blastVisible, SyntheticNoise noise)
    {
        var hhCount = blastVisible ? random.Between(1, 5) : random.Between(2, 7);
        for (var i = 0; i < hhCount; i++)
        {
            var target = i == 0 ? domain.Source : HomologEvidence.Homolog(random, library, domain.Source);
            var probability = blastVisible
                ? Math.Min(100.0, Math.Round(random.Between(85.0, 100.05), 1))
                : Math.Round(random.Between(noise.RemoteMinProbability, noise.RemoteMaxProbability), 1);
            AddAligned(hits, random, noise, EvidenceType.HhSearch, target, domain, index,
                blastVisible ? EValues.Strong(random, 6, 30) : EValues.Strong(random, 1, 6), probability, length, noise.MinHitCoverage, 1.0);
        }
    }

    /// <summary>Reference chain position -> 1-based position within the domain.</summary>
    internal static Dictionary<int, int> DomainIndex(ReferenceDomain domain)
    {
        var map = new Dictionary<int, int>();
        var i = 0;
        foreach (var p in domain.Range.Positions()) map[p] = ++i;
        return map;
    }

    /// <summary>One hit to <paramref name="target"/> aligning a random part (<paramref name="minCoverage"/>..<paramref name="maxCoverage"/>) of the true domain.</summary>
    internal static void AddAligned(List<SyntheticHit> hits, SyntheticRandom random, SyntheticNoise noise, string type,
        ReferenceDomain target, TrueDomain domain, Dictionary<int, int> index, double evalue, double? probability, int length,
        double minCoverage, double maxCoverage)
    {
        var n = domain.Source.Length;
        var k = Math.Clamp((int)Math.Round(random.Between(minCoverage, maxCoverage) * n), Math.Min(n, 20), n);
        var from = random.Between(1, n - k + 1);
        var to = from + k - 1;
        var pieces = new List<(int From, int To)>();
        var h = domain.HeadLength;
        if (h > 0 && from <= h && to > h)
        {
            (int, int) head = (from, h), tail = (h + 1, to);
            if (random.Chance(noise.HostTwoHspFraction)) { pieces.Add(head); pieces.Add(tail); }
            else pieces.Add(h - from >= to - h - 1 ? head : tail);
        }
        else pieces.Add((from, to));

        var querySegments = new List<Segment>();
        var hitSegments = new List<Segment>();
        foreach (var (f, t) in pieces)
        {
            var segments = QuerySegments(domain.Pairs, index, f, t);
            if (segments.Count == 0) continue;
            segments[0] = segments[0] with { Start = Math.Max(1, segments[0].Start + Shift(random, noise)) };
            segments[^1] = segments[^1] with { End = Math.Min(length, segments[^1].End + Shift(random, noise)) };
            if (segments[0].End - segments[0].Start < MinimumPieceLength || segments[^1].End - segments[^1].Start < MinimumPieceLength) continue;
            if (querySegments.Count > 0 && segments[0].Start <= querySegments[^1].End) continue;
            querySegments.AddRange(segments);
            hitSegments.Add(Scale(f, t, n, target.Length));
        }
        if (querySegments.Count == 0) return;
        var query = ResidueRange.FromSegments(querySegments);
        var hit = ResidueRange.FromSegments(hitSegments);
        var second = pieces.Count == 2 && hitSegments.Count == 2 ? EValues.Strong(random, 2, 5) : (double?)null;
        hits.Add(new SyntheticHit(type, target.DomainId, target.Pdb, target.Chain, evalue, probability, query, hit,
            target.TGroup, target.HGroup, SecondHspEValue: type == EvidenceType.DomainBlast ? second : null));
    }

    /// <summary>Query positions aligned to domain positions <paramref name="from"/>..<paramref name="to"/>, as segments.</summary>
    private static List<Segment> QuerySegments(IReadOnlyList<AlignedPair> pairs, Dictionary<int, int> index, int from, int to)
    {
        var segments = new List<Segment>();
        foreach (var pair in pairs)
        {
            if (!index.TryGetValue(pair.Reference, out var i) || i < from || i > to) continue;
            if (segments.Count > 0 && pair.Query - segments[^1].End <= SegmentBreak && pair.Query > segments[^1].End)
                segments[^1] = segments[^1] with { End = pair.Query };
            else if (segments.Count == 0 || pair.Query > segments[^1].End)
                segments.Add(new Segment(pair.Query, pair.Query));
        }
        return segments;
    }

    /// <summary>Domain positions of the source scaled onto a homolog of another length.</summary>
    private static Segment Scale(int from, int to, int sourceLength, int targetLength)
    {
        if (sourceLength == targetLength) return new Segment(from, to);
        var f = (double)targetLength / sourceLength;
        var start = Math.Clamp((int)Math.Round((from - 1) * f) + 1, 1, targetLength);
        var end = Math.Clamp((int)Math.Round(to * f), start, targetLength);
        return new Segment(start, end);
    }

    /// <summary>How far BLAST/HHsearch put one alignment end from where it belongs.</summary>
    public static int Shift(SyntheticRandom random, SyntheticNoise noise)
    {
        var max = random.Chance(noise.LargeBoundaryNoiseFraction) ? noise.LargeBoundaryNoise : noise.BoundaryNoise;
        return random.Between(-max, max);
    }
}
