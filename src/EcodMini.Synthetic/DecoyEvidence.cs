using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>
/// Hits a correct partitioner must reject: too short, low HHsearch probability, poor target coverage,
/// chain BLAST to a blacklisted chain, weak e-value.
/// </summary>
internal static class DecoyEvidence
{
    public static void Add(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, string query, int count)
    {
        var length = query.Length;
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(5))
            {
                case 0: hits.Add(Short(random, library, length)); break;
                case 1: hits.Add(LowProbability(random, library, length)); break;
                case 2: hits.Add(PoorCoverage(random, library, length)); break;
                case 3: hits.Add(Blacklisted(random, library, query)); break;
                default: hits.Add(WeakEValue(random, library, length)); break;
            }
        }
    }

    /// <summary>Chain BLAST hits to blacklisted reference chains (strong e-values; the blacklist must discard them).</summary>
    public static void AddBlacklisted(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, string query, int count)
    {
        for (var i = 0; i < count; i++) hits.Add(Blacklisted(random, library, query));
    }

    private static SyntheticHit Short(SyntheticRandom random, ReferenceLibrary library, int length)
    {
        var target = random.Pick(library.UsableDomains);
        var span = Math.Min(random.Between(8, 24), target.Length);
        return Domain(EvidenceType.DomainBlast, target, EValues.Strong(random, 4, 20), null,
            HitRanges.Stretch(random, span, length), HitRanges.Stretch(random, span, target.Length));
    }

    private static SyntheticHit LowProbability(SyntheticRandom random, ReferenceLibrary library, int length)
    {
        var target = random.Pick(library.UsableDomains);
        return Domain(EvidenceType.HhSearch, target, EValues.Weak(random, 0.5, 40), Math.Round(random.Between(5.0, 49.0), 1),
            HitRanges.Stretch(random, random.Between(30, 120), length), HitRanges.Covering(random, random.Between(0.6, 1.0), target.Length));
    }

    private static SyntheticHit PoorCoverage(SyntheticRandom random, ReferenceLibrary library, int length)
    {
        var target = random.Pick(library.LargeDomains);
        var span = random.Between(30, (int)(target.Length * 0.28));
        return Domain(EvidenceType.DomainBlast, target, EValues.Strong(random, 4, 12), null,
            HitRanges.Stretch(random, span, length), HitRanges.Stretch(random, span, target.Length));
    }

    private static SyntheticHit WeakEValue(SyntheticRandom random, ReferenceLibrary library, int length)
    {
        var target = random.Pick(library.UsableDomains);
        return Domain(EvidenceType.DomainBlast, target, EValues.Weak(random, 1.2, 9.9), null,
            HitRanges.Stretch(random, random.Between(30, 150), length), HitRanges.Covering(random, random.Between(0.6, 0.9), target.Length));
    }

    private static SyntheticHit Blacklisted(SyntheticRandom random, ReferenceLibrary library, string query)
    {
        var chain = random.Pick(library.BlacklistedChains);
        var span = Math.Min(Math.Min(query.Length, chain.Length), random.Between(40, 200));
        var queryFrom = random.Between(1, query.Length - span + 1);
        var hitFrom = random.Between(1, chain.Length - span + 1);
        var alignment = AlignmentBuilder.Ungapped(query, queryFrom, chain.Sequence, hitFrom, span);
        return new SyntheticHit(EvidenceType.ChainBlast, chain.Domains[0].DomainId, chain.Pdb, chain.Chain,
            EValues.Strong(random, 10, 40), null,
            HitRanges.Single(alignment.QueryFrom, alignment.QueryTo), HitRanges.Single(alignment.HitFrom, alignment.HitTo),
            null, null, alignment);
    }

    private static SyntheticHit Domain(string type, ReferenceDomain target, double evalue, double? probability, ResidueRange query, ResidueRange hit) =>
        new(type, target.DomainId, target.Pdb, target.Chain, evalue, probability, query, hit, target.TGroup, target.HGroup);
}
