using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>
/// Sibling hits: other domains of a hit's family that HHsearch also lists, weaker and over about the same query region.
/// For decoys (<see cref="SyntheticNoise.DecoySiblingFraction"/>) a false hit then brings same-H-group company, as a real
/// false positive does; background hits (<see cref="SyntheticNoise.BackgroundHits"/>) are unrelated hits under 10%.
/// </summary>
internal static class HhSearchSiblings
{
    /// <summary>Another domain of <paramref name="source"/>'s T-group, or of another T-group of its H-group; null when there is none.</summary>
    public static ReferenceDomain? Pick(SyntheticRandom random, ReferenceLibrary library, ReferenceDomain source, bool otherTGroup)
    {
        var pool = otherTGroup
            ? library.DomainsOfHGroup(source.HGroup).Where(d => d.TGroup != source.TGroup).ToList()
            : library.DomainsOfTGroup(source.TGroup).Where(d => d.DomainId != source.DomainId).ToList();
        return pool.Count == 0 ? null : random.Pick(pool);
    }

    /// <summary>With <see cref="SyntheticNoise.DecoySiblingFraction"/>, 1-4 siblings of an HHsearch decoy (draws nothing when the fraction is 0).</summary>
    public static void MaybeAddForDecoy(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, SyntheticHit decoy,
        int length, SyntheticNoise noise)
    {
        if (noise.DecoySiblingFraction <= 0 || decoy.Type != EvidenceType.HhSearch || decoy.Probability is not { } probability) return;
        if (!random.Chance(noise.DecoySiblingFraction)) return;
        var source = library.UsableDomains.FirstOrDefault(d => d.DomainId == decoy.DomainId);
        if (source is null) return;
        var best = HhSearchScore.Logit(probability);
        var count = random.Between(1, 4);
        for (var i = 0; i < count; i++)
        {
            var otherT = random.Chance(noise.OtherTGroupSiblingFraction);
            var target = Pick(random, library, source, otherT);
            var p = HhSearchScore.Probability(best - (otherT ? random.Between(1.5, 5.5) : random.Between(0.3, 4.5)));
            if (target is null || p < HhSearchScore.MinListedProbability) continue;
            var start = Math.Clamp(decoy.QueryRange.Start + AlignedHomologEvidence.Shift(random, noise), 1, length);
            var end = Math.Clamp(decoy.QueryRange.End + AlignedHomologEvidence.Shift(random, noise), start, length);
            hits.Add(new SyntheticHit(EvidenceType.HhSearch, target.DomainId, target.Pdb, target.Chain, HhSearchScore.EValue(random, p), p,
                HitRanges.Single(start, end), HitRanges.Covering(random, random.Between(noise.RemoteMinCoverage, noise.RemoteMaxCoverage), target.Length),
                target.TGroup, target.HGroup));
        }
    }

    /// <summary>0..<see cref="SyntheticNoise.BackgroundHits"/> HHsearch hits at 1-10% to random targets anywhere on the chain.</summary>
    public static void AddBackground(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, int length, SyntheticNoise noise)
    {
        var count = random.Between(0, noise.BackgroundHits);
        for (var i = 0; i < count; i++)
        {
            var target = random.Pick(library.UsableDomains);
            var p = Math.Round(random.Between(1.0, 10.0), 1);
            var span = Math.Min(length, random.Between(25, 150));
            hits.Add(new SyntheticHit(EvidenceType.HhSearch, target.DomainId, target.Pdb, target.Chain, HhSearchScore.EValue(random, p), p,
                HitRanges.Stretch(random, span, length), HitRanges.Covering(random, random.Between(0.2, 0.9), target.Length),
                target.TGroup, target.HGroup));
        }
    }
}
