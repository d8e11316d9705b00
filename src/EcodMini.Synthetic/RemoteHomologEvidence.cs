namespace EcodMini.Synthetic;

/// <summary>
/// HHsearch evidence of a remote homolog with <see cref="SyntheticNoise.RemoteProfileQuality"/>: the best hit's probability
/// comes from a per-domain profile-quality draw (and only a little from the aligned length), and the family's other
/// domains follow it as correlated, weaker sibling hits, listed down to <see cref="HhSearchScore.MinListedProbability"/>.
/// </summary>
internal static class RemoteHomologEvidence
{
    public static void Add(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, TrueDomain domain,
        Dictionary<int, int> index, int length, SyntheticNoise noise)
    {
        var source = domain.Source;
        var quality = random.NextDouble();
        var aligned = source.Length * (noise.RemoteMinCoverage + noise.RemoteMaxCoverage) / 2;
        var best = -1.0 + 6.0 * quality + 0.015 * (aligned - 80);
        AddHit(hits, random, noise, source, domain, index, length, best);
        var siblings = random.Between(2, 8);
        for (var i = 0; i < siblings; i++)
        {
            var otherT = random.Chance(noise.OtherTGroupSiblingFraction);
            var target = HhSearchSiblings.Pick(random, library, source, otherT);
            var step = otherT ? random.Between(1.5, 5.5) : random.Between(0.3, 4.5);
            if (target is not null) AddHit(hits, random, noise, target, domain, index, length, best - step);
        }
    }

    private static void AddHit(List<SyntheticHit> hits, SyntheticRandom random, SyntheticNoise noise, ReferenceDomain target,
        TrueDomain domain, Dictionary<int, int> index, int length, double logit)
    {
        var probability = HhSearchScore.Probability(logit);
        if (probability < HhSearchScore.MinListedProbability) return;
        AlignedHomologEvidence.AddAligned(hits, random, noise, Core.Model.EvidenceType.HhSearch, target, domain, index,
            HhSearchScore.EValue(random, probability), probability, length, noise.RemoteMinCoverage, noise.RemoteMaxCoverage);
    }
}
