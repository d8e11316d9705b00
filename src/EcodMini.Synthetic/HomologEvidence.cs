using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>
/// True evidence: redundant domain BLAST and HHsearch hits for each placed domain (boundaries off by a
/// few residues, good scores, high target coverage) and one chain BLAST hit per whole-chain copy.
/// </summary>
internal static class HomologEvidence
{
    public static void AddDomainHits(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, TrueDomain domain, int length,
        bool blastVisible, SyntheticNoise noise)
    {
        if (blastVisible)
        {
            var blastCount = random.Between(4, 9);
            for (var i = 0; i < blastCount; i++)
            {
                var target = i == 0 ? domain.Source : Homolog(random, library, domain.Source);
                hits.Add(new SyntheticHit(EvidenceType.DomainBlast, target.DomainId, target.Pdb, target.Chain,
                    EValues.Strong(random, 6, 80), null,
                    HitRanges.Jitter(random, domain.Range, noise.BoundaryNoise, length),
                    HitRanges.Covering(random, random.Between(0.8, 1.0), target.Length),
                    target.TGroup, target.HGroup, SecondHspEValue: SecondHsp(random)));
            }
        }
        var hhCount = blastVisible ? random.Between(3, 6) : random.Between(4, 8);
        for (var i = 0; i < hhCount; i++)
        {
            var target = i == 0 ? domain.Source : Homolog(random, library, domain.Source);
            var probability = blastVisible
                ? Math.Min(100.0, Math.Round(random.Between(90.0, 100.05), 1))
                : Math.Min(100.0, Math.Round(random.Between(noise.RemoteMinProbability, noise.RemoteMaxProbability + 0.05), 1));
            hits.Add(new SyntheticHit(EvidenceType.HhSearch, target.DomainId, target.Pdb, target.Chain,
                blastVisible ? EValues.Strong(random, 8, 40) : EValues.Strong(random, 3, 12), probability,
                HitRanges.Jitter(random, domain.Range, noise.BoundaryNoise, length),
                HitRanges.Covering(random, random.Between(0.75, 1.0), target.Length),
                target.TGroup, target.HGroup));
        }
    }

    /// <summary>The source domain or another usable domain of its T-group (same classification).</summary>
    internal static ReferenceDomain Homolog(SyntheticRandom random, ReferenceLibrary library, ReferenceDomain source)
    {
        if (random.Chance(0.5)) return source;
        var group = library.DomainsOfTGroup(source.TGroup);
        return group.Count == 0 ? source : random.Pick(group);
    }

    public static SyntheticHit ChainHit(SyntheticRandom random, WholeChainCopy copy, string query)
    {
        var alignment = AlignmentBuilder.FromPairs(copy.Pairs, query, copy.Source.Sequence);
        var first = copy.Source.Domains[0];
        // BLAST prints 0 for long near-identical hits: the strongest evidence there is.
        var evalue = random.Chance(0.15) ? 0.0 : EValues.Strong(random, 30, 180);
        return new SyntheticHit(EvidenceType.ChainBlast, first.DomainId, copy.Source.Pdb, copy.Source.Chain, evalue, null,
            HitRanges.Single(alignment.QueryFrom, alignment.QueryTo), HitRanges.Single(alignment.HitFrom, alignment.HitTo),
            null, null, alignment, SecondHsp(random));
    }

    /// <summary>Sometimes a weaker second HSP (its e-value follows the first in legacy <c>evalues</c>).</summary>
    private static double? SecondHsp(SyntheticRandom random) => random.Chance(0.15) ? EValues.Strong(random, 2, 5) : null;
}
