using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>
/// Decoys of <see cref="SyntheticNoise.DecoysAroundThresholds"/>: scores and sizes spread over both sides of each quality
/// threshold of the algorithm (HHsearch probability, domain BLAST e-value, reference coverage, minimum domain size),
/// competing hits to another T-group over a true domain, and weak spurious hits on chains with no real domain.
/// </summary>
internal static class ThresholdDecoys
{
    public static void Add(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, int length, int count, SyntheticNoise noise)
    {
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(4))
            {
                case 0: hits.Add(Short(random, library, length)); break;
                case 1: hits.Add(Probability(random, library, length, 40, 85)); break;
                case 2: hits.Add(Coverage(random, library, length)); break;
                default: hits.Add(EValue(random, library, length, 7)); break;
            }
            HhSearchSiblings.MaybeAddForDecoy(hits, random, library, hits[^1], length, noise);
        }
    }

    /// <summary>Weak hits on a chain with no real domain: moderate e-values and probabilities, some just above a threshold.</summary>
    public static void AddSpurious(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, int length, int count, SyntheticNoise noise)
    {
        for (var i = 0; i < count; i++)
        {
            hits.Add(random.Chance(0.5) ? Probability(random, library, length, 30, 80) : EValue(random, library, length, 6));
            HhSearchSiblings.MaybeAddForDecoy(hits, random, library, hits[^1], length, noise);
        }
    }

    /// <summary>A hit to a domain of another T-group over the same region as a true domain, scored like a true hit.</summary>
    public static SyntheticHit Competing(SyntheticRandom random, ReferenceLibrary library, TrueDomain domain, SyntheticNoise noise, int length)
    {
        var target = random.Pick(library.UsableDomains);
        for (var attempt = 0; attempt < 10 && target.TGroup == domain.Source.TGroup; attempt++) target = random.Pick(library.UsableDomains);
        var start = Math.Clamp(domain.Range.Start + AlignedHomologEvidence.Shift(random, noise), 1, length);
        var end = Math.Clamp(domain.Range.End + AlignedHomologEvidence.Shift(random, noise), start, length);
        var query = HitRanges.Single(start, end);
        var hit = HitRanges.Covering(random, random.Between(0.55, 1.0), target.Length);
        return random.Chance(0.5)
            ? Domain(EvidenceType.DomainBlast, target, EValues.Strong(random, 3, 30), null, query, hit)
            : Domain(EvidenceType.HhSearch, target, EValues.Strong(random, 2, 20), Math.Round(random.Between(60.0, 99.9), 1), query, hit);
    }

    private static SyntheticHit Short(SyntheticRandom random, ReferenceLibrary library, int length)
    {
        var target = random.Pick(library.UsableDomains);
        var span = Math.Min(random.Between(8, 40), Math.Min(target.Length, length));
        return Domain(EvidenceType.DomainBlast, target, EValues.Strong(random, 3, 20), null,
            HitRanges.Stretch(random, span, length), HitRanges.Stretch(random, span, target.Length));
    }

    private static SyntheticHit Probability(SyntheticRandom random, ReferenceLibrary library, int length, double min, double max)
    {
        var target = random.Pick(library.UsableDomains);
        return Domain(EvidenceType.HhSearch, target, EValues.Weak(random, 0.01, 20), Math.Round(random.Between(min, max), 1),
            HitRanges.Stretch(random, random.Between(30, 150), length), HitRanges.Covering(random, random.Between(0.4, 0.95), target.Length));
    }

    private static SyntheticHit Coverage(SyntheticRandom random, ReferenceLibrary library, int length)
    {
        var target = random.Pick(library.LargeDomains);
        var span = Math.Max(1, (int)Math.Round(target.Length * random.Between(0.3, 0.75)));
        var hh = random.Chance(0.5);
        return Domain(hh ? EvidenceType.HhSearch : EvidenceType.DomainBlast, target, EValues.Strong(random, 3, 15),
            hh ? Math.Round(random.Between(70.0, 99.0), 1) : null, HitRanges.Stretch(random, Math.Min(span, length), length), HitRanges.Stretch(random, span, target.Length));
    }

    /// <summary>Domain BLAST with an e-value log-uniform in 10^-<paramref name="maxExponent"/> .. 1.</summary>
    private static SyntheticHit EValue(SyntheticRandom random, ReferenceLibrary library, int length, int maxExponent)
    {
        var target = random.Pick(library.UsableDomains);
        return Domain(EvidenceType.DomainBlast, target, EValues.Strong(random, 0, maxExponent), null,
            HitRanges.Stretch(random, random.Between(30, 150), length), HitRanges.Covering(random, random.Between(0.5, 0.95), target.Length));
    }

    private static SyntheticHit Domain(string type, ReferenceDomain target, double evalue, double? probability, ResidueRange query, ResidueRange hit) =>
        new(type, target.DomainId, target.Pdb, target.Chain, evalue, probability, query, hit, target.TGroup, target.HGroup);
}
