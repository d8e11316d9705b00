using System.Globalization;
using EcodMini.Core.Evaluation;
using EcodMini.Synthetic;

namespace EcodMini.Core.Tests.Synthetic;

/// <summary>What <see cref="SyntheticNoise.Realistic"/> promises (issue 22), read back from the written summaries.</summary>
public sealed class RealisticNoiseTests(RealisticNoiseTests.RealisticTree tree) : IClassFixture<RealisticNoiseTests.RealisticTree>
{
    public sealed class RealisticTree() : NoisyTree("realistic", 300, 2222, SyntheticNoise.Realistic);

    private static double Probability(SummaryHit hit) => double.Parse(hit.Probability!, CultureInfo.InvariantCulture);

    /// <summary>HHsearch hits to the true domain's T-group over it (the source and its siblings).</summary>
    private IEnumerable<SummaryHit> FamilyHits(TruthChain chain, TruthDomain domain) =>
        tree.Hits(chain).Where(h => h.Type == "hhsearch" && tree.Reference.Domains[h.Target].TGroup == domain.TGroup
            && h.QueryRange.Start <= domain.Range.End && h.QueryRange.End >= domain.Range.Start);

    [Fact]
    public void Remote_homologs_come_with_correlated_sibling_hits_listed_below_ten_percent()
    {
        var families = tree.Truth.Chains.Where(c => c.Category == "hhsearch_only")
            .SelectMany(c => c.Domains.Select(d => FamilyHits(c, d).Select(Probability).ToList()))
            .Where(p => p.Count > 0).ToList();
        Assert.True(families.Count > 30, $"only {families.Count} remote homolog domains with hits");
        Assert.True(families.Count(f => f.Count >= 3) > families.Count / 2, "most remote homologs should have sibling hits");
        Assert.Contains(families, f => f.Any(p => p < 10));                       // low-probability hits are listed
        Assert.Contains(families, f => f.Max() >= 90);                            // good profiles: 90%+
        Assert.Contains(families, f => f.Max() is >= 55 and < 75 && f.Count(p => p is >= 10 and < 40) >= 2); // the pattern
        // Correlated: a family whose best hit is strong has stronger siblings than one whose best hit is weak.
        var strong = families.Where(f => f.Max() >= 95).SelectMany(f => f.OrderDescending().Skip(1)).DefaultIfEmpty(0).Average();
        var weak = families.Where(f => f.Max() < 70).SelectMany(f => f.OrderDescending().Skip(1)).DefaultIfEmpty(0).Average();
        Assert.True(strong > weak + 15, $"siblings of strong families average {strong:F1}%, of weak ones {weak:F1}%");
    }

    [Fact]
    public void Good_profiles_give_remote_homologs_over_90_percent_at_60_to_100_aligned_residues_often_not_always()
    {
        // The best HHsearch hit of the true T-group per remote homolog domain whose best hit aligns 60-100 reference residues.
        var best = tree.Truth.Chains.Where(c => c.Category == "hhsearch_only")
            .SelectMany(c => c.Domains.Select(d => FamilyHits(c, d).MaxBy(Probability)))
            .OfType<SummaryHit>().Where(h => h.HitRange.TotalLength is >= 60 and <= 100).Select(Probability).ToList();
        Assert.True(best.Count >= 10, $"only {best.Count} remote homolog domains aligning 60-100 residues");
        var over90 = best.Count(p => p > 90);
        Assert.True(over90 >= 0.25 * best.Count && over90 <= 0.75 * best.Count, $"{over90} of {best.Count} over 90%");   // driven by the profile-quality draw, not by the length
        Assert.Contains(best, p => p is >= 55 and < 75);
    }

    [Fact]
    public void Remote_homologs_are_copied_at_10_to_20_percent_identity()
    {
        var library = ReferenceLibraryBuilder.Build(5, 300);
        var identities = new List<double>();
        for (var index = 0; identities.Count < 20 && index < 400; index++)
        {
            var chain = SyntheticChainBuilder.Build(library, 5, index, Core.Model.ProteinId.Create("9zzz", "A"), SyntheticNoise.Realistic);
            if (chain.Category != ChainCategory.HhSearchOnly) continue;
            foreach (var domain in chain.Domains)
            {
                var reference = library.ChainOf(domain.Source).Sequence;
                identities.Add((double)domain.Pairs.Count(p => chain.Sequence[p.Query - 1] == reference[p.Reference - 1]) / domain.Pairs.Count);
            }
        }
        Assert.True(identities.Count >= 20);
        Assert.InRange(identities.Average(), 0.10, 0.20);
    }

    [Fact]
    public void Remote_homolog_hits_align_60_to_90_percent_of_their_reference()
    {
        var coverages = tree.Truth.Chains.Where(c => c.Category == "hhsearch_only")
            .SelectMany(c => c.Domains.SelectMany(d => FamilyHits(c, d)))
            .Select(h => (double)h.HitRange.TotalLength / tree.Reference.Domains[h.Target].Length).ToList();
        Assert.True(coverages.Count > 100);
        // Decoys and background hits may pick a target of the same T-group by chance: nearly all, not all, are in range.
        var inRange = coverages.Count(c => c is >= 0.55 and <= 0.95);
        Assert.True(inRange >= 0.9 * coverages.Count, $"{inRange} of {coverages.Count} within 0.55-0.95 of their reference");
        Assert.Contains(coverages, c => c is >= 0.55 and < 0.65);
        Assert.Contains(coverages, c => c is > 0.85 and <= 0.95);
    }

    [Fact]
    public void Chains_without_a_domain_carry_background_hits_and_some_decoys_bring_same_h_group_siblings()
    {
        var empty = tree.Truth.Chains.Where(c => c.Category == "no_evidence").Select(tree.Hits).ToList();
        Assert.Contains(empty, hits => hits.Any(h => h.Type == "hhsearch" && Probability(h) < 10));
        // Some chain with no domain has two HHsearch hits of one H-group over one region: a decoy and its sibling.
        string HGroup(SummaryHit h) => tree.Reference.Domains[h.Target].TGroup[..tree.Reference.Domains[h.Target].TGroup.LastIndexOf('.')];
        Assert.Contains(empty, hits => hits.Where(h => h.Type == "hhsearch" && Probability(h) >= 10).GroupBy(HGroup)
            .Any(g => g.Count() >= 2 && g.Min(h => h.QueryRange.End) > g.Max(h => h.QueryRange.Start)));
    }

    [Fact]
    public void Remote_identity_changes_sequences_only_not_layout_truth_or_evidence()
    {
        using var temp = new TempFolder();
        var options = new SyntheticBatchOptions { ProteinCount = 60, Seed = 78 };
        var low = SyntheticBatchGenerator.Generate(temp.Sub("low"), options with { Noise = SyntheticNoise.Realistic });
        var usual = SyntheticBatchGenerator.Generate(temp.Sub("usual"), options with { Noise = SyntheticNoise.Realistic with { RemoteSubstitution = 0.75 } });
        Assert.Equal(File.ReadAllBytes(low.TruthPath), File.ReadAllBytes(usual.TruthPath));
        var differing = 0;
        foreach (var file in Directory.EnumerateFiles(low.Root, "*.domain_summary.xml", SearchOption.AllDirectories))
        {
            var other = Path.Combine(usual.Root, Path.GetRelativePath(low.Root, file));
            Assert.Equal(SummaryFiles.ReadLegacy(file).Hits, SummaryFiles.ReadLegacy(other).Hits);
            if (!File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(other))) differing++;
        }
        Assert.True(differing > 0, "the remote homologs' sequences should differ");
    }

    [Fact]
    public void With_its_new_knobs_off_Realistic_writes_exactly_what_Hard_writes()
    {
        using var temp = new TempFolder();
        var options = new SyntheticBatchOptions { ProteinCount = 60, Seed = 77 };
        var hard = SyntheticBatchGenerator.Generate(temp.Sub("hard"), options with { Noise = SyntheticNoise.Hard });
        var reduced = SyntheticNoise.Realistic with { RemoteProfileQuality = false, OtherTGroupSiblingFraction = 0, BackgroundHits = 0, DecoySiblingFraction = 0,
            RemoteSubstitution = SyntheticNoise.Hard.RemoteSubstitution };
        var same = SyntheticBatchGenerator.Generate(temp.Sub("reduced"), options with { Noise = reduced });
        var hardFiles = Directory.EnumerateFiles(hard.Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(hard.Root, f)).Order().ToList();
        Assert.Equal(hardFiles, Directory.EnumerateFiles(same.Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(same.Root, f)).Order().ToList());
        Assert.All(hardFiles, f => Assert.Equal(File.ReadAllBytes(Path.Combine(hard.Root, f)), File.ReadAllBytes(Path.Combine(same.Root, f))));
    }
}
