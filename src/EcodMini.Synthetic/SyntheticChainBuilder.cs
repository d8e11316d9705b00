using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>Builds one query chain (layout, sequence, evidence) from its own random stream.</summary>
internal static class SyntheticChainBuilder
{
    private const ulong Stream = 2;
    /// <summary>The stream of <see cref="MutationRates.ExtraSubstitution"/> (2 is the chain's, 3 its chain letter's).</summary>
    private const ulong ExtraSubstitutionStream = 4;
    private const int LongChainMinimum = 1520;

    public static SyntheticChain Build(ReferenceLibrary library, ulong seed, int index, ProteinId id, SyntheticNoise noise)
    {
        var random = new SyntheticRandom(seed, Stream, (ulong)index);
        var category = index < Enum.GetValues<ChainCategory>().Length ? (ChainCategory)index : PickCategory(random);
        var extra = category == ChainCategory.HhSearchOnly ? RemoteExtraSubstitution(noise) : 0;
        var rates = category == ChainCategory.HhSearchOnly ? MutationRates.Remote with { ExtraSubstitution = extra } : MutationRates.Close;
        var composer = new QueryComposer(random, library, rates, extra > 0 ? new SyntheticRandom(seed, ExtraSubstitutionStream, (ulong)index) : null);
        Compose(composer, random, library, category);
        var sequence = composer.Finish();

        var hits = new List<SyntheticHit>();
        if (category != ChainCategory.NoEvidence)
        {
            foreach (var copy in composer.ChainCopies)
                hits.Add(HomologEvidence.ChainHit(random, copy, sequence));
            var blastVisible = category != ChainCategory.HhSearchOnly;
            foreach (var domain in composer.Domains)
            {
                if (noise.AlignedHitRanges) AlignedHomologEvidence.AddDomainHits(hits, random, library, domain, sequence.Length, blastVisible, noise);
                else HomologEvidence.AddDomainHits(hits, random, library, domain, sequence.Length, blastVisible, noise);
            }
            if (noise.DecoysAroundThresholds) AddThresholdDecoys(hits, random, library, sequence, noise);
            else DecoyEvidence.Add(hits, random, library, sequence, random.Between(8, 20));
        }
        else if (noise.EmptyChainSpuriousHits > 0)
            ThresholdDecoys.AddSpurious(hits, random, library, sequence.Length, random.Between(0, noise.EmptyChainSpuriousHits), noise);
        if (noise.BackgroundHits > 0) HhSearchSiblings.AddBackground(hits, random, library, sequence.Length, noise);
        return new SyntheticChain(id, category, sequence, composer.Domains.ToArray(), Order(hits));
    }

    /// <summary>Decoys around every threshold plus, as before, chain BLAST hits to blacklisted chains.</summary>
    private static void AddThresholdDecoys(List<SyntheticHit> hits, SyntheticRandom random, ReferenceLibrary library, string sequence, SyntheticNoise noise)
    {
        var count = random.Between(8, 20);
        var blacklisted = count / 5;
        ThresholdDecoys.Add(hits, random, library, sequence.Length, count - blacklisted, noise);
        DecoyEvidence.AddBlacklisted(hits, random, library, sequence, blacklisted);
    }

    private static ChainCategory PickCategory(SyntheticRandom random)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.30 => ChainCategory.SingleDomain,
            < 0.60 => ChainCategory.MultiDomain,
            < 0.72 => ChainCategory.Insertion,
            < 0.80 => ChainCategory.NoEvidence,
            < 0.86 => ChainCategory.Long,
            _ => ChainCategory.HhSearchOnly,
        };
    }

    private static void Compose(QueryComposer composer, SyntheticRandom random, ReferenceLibrary library, ChainCategory category)
    {
        switch (category)
        {
            case ChainCategory.SingleDomain:
                if (random.Chance(0.5)) composer.AddWholeChain(random.Pick(library.SingleDomainChains));
                else composer.AddDomain(random.Pick(library.UsableDomains));
                break;
            case ChainCategory.MultiDomain:
                var target = random.Between(2, 5);
                if (random.Chance(0.6))
                {
                    var chain = random.Pick(library.MultiDomainChains);
                    if (chain.Domains.Count <= target) composer.AddWholeChain(chain);
                }
                while (composer.DomainCount < target) composer.AddDomain(random.Pick(library.UsableDomains));
                break;
            case ChainCategory.Insertion:
                if (random.Chance(0.2)) composer.AddDomain(random.Pick(library.UsableDomains));
                composer.AddInsertion(PickHost(random, library), random.Pick(library.UsableDomains));
                if (random.Chance(0.2)) composer.AddDomain(random.Pick(library.UsableDomains));
                break;
            case ChainCategory.NoEvidence:
                composer.AddUnrelated(random.Between(60, 400));
                break;
            case ChainCategory.Long:
                if (random.Chance(0.4)) composer.AddWholeChain(random.Pick(library.MultiDomainChains));
                while (composer.Length < LongChainMinimum) composer.AddDomain(random.Pick(library.UsableDomains));
                break;
            case ChainCategory.HhSearchOnly:
                var count = random.Between(1, 2);
                for (var i = 0; i < count; i++) composer.AddDomain(random.Pick(library.UsableDomains));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(category), category, null);
        }
    }

    /// <summary>A host big enough that both of its pieces around the insert stay recognisable.</summary>
    private static ReferenceDomain PickHost(SyntheticRandom random, ReferenceLibrary library)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var domain = random.Pick(library.UsableDomains);
            if (domain.Length >= 100) return domain;
        }
        return random.Pick(library.LargeDomains);
    }

    /// <summary>File order: chain BLAST, domain BLAST, HHsearch; best first within each (stable).</summary>
    private static SyntheticHit[] Order(List<SyntheticHit> hits) =>
        hits.OrderBy(h => TypeRank(h.Type)).ThenByDescending(h => h.Probability ?? 0).ThenBy(h => h.EValue).ToArray();

    private static int TypeRank(string type) => type switch
    {
        EvidenceType.ChainBlast => 0,
        EvidenceType.DomainBlast => 1,
        _ => 2,
    };

    /// <summary>Share of the residues the remote rate keeps that <see cref="SyntheticNoise.RemoteSubstitution"/> also substitutes.</summary>
    private static double RemoteExtraSubstitution(SyntheticNoise noise) =>
        Math.Max(0, (noise.RemoteSubstitution - MutationRates.Remote.Substitution) / (1 - MutationRates.Remote.Substitution));
}
