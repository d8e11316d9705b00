using EcodMini.Core.Model;
using EcodMini.Core.Evaluation;
using EcodMini.Synthetic;

namespace EcodMini.Core.Tests.Synthetic;

/// <summary>What <see cref="SyntheticNoise.Hard"/> promises (issue 11), read back from the written summaries.</summary>
public sealed class HardNoiseTests(HardNoiseTests.HardTree tree) : IClassFixture<HardNoiseTests.HardTree>
{
    public sealed class HardTree() : NoisyTree("hard", 400, 4242, SyntheticNoise.Hard);

    /// <summary>Domain hits to the true domain's own reference domain that overlap it (true evidence; decoys pick targets at random).</summary>
    private IEnumerable<SummaryHit> TrueHits(TruthChain chain, TruthDomain domain) =>
        tree.Hits(chain).Where(h => h.Type != "chain_blast" && h.Target == domain.EcodDomainId
            && h.QueryRange.Start <= domain.Range.End && h.QueryRange.End >= domain.Range.Start);

    [Fact]
    public void Hit_ends_are_off_by_up_to_about_twenty_residues_and_hits_cover_55_to_100_percent_of_their_reference()
    {
        var offsets = new List<int>();
        var coverages = new List<double>();
        foreach (var chain in tree.Truth.Chains.Where(c => c.Category is "single_domain" or "multi_domain"))
            foreach (var domain in chain.Domains.Where(d => d.Range.Segments.Count == 1))
                foreach (var hit in TrueHits(chain, domain))
                {
                    offsets.Add(hit.QueryRange.Start - domain.Range.Start);
                    coverages.Add((double)hit.HitRange.TotalLength / tree.Reference.Domains[hit.Target].Length);
                }
        Assert.True(offsets.Count > 500);
        Assert.Contains(offsets, o => o >= 15);          // short of the true start (partial alignment and noise)
        Assert.Contains(offsets, o => o is <= -12 and >= -20); // over-extended into the linker or the neighbour
        Assert.True(offsets.Count(o => Math.Abs(o) > 5) > offsets.Count / 4, "most ends would be within the +/-5 tolerance");
        Assert.InRange(coverages.Min(), 0.5, 0.6);
        Assert.Equal(1.0, coverages.Max(), 2);
    }

    [Fact]
    public void Split_hosts_are_reported_as_two_collinear_hsps_or_only_the_longer()
    {
        int twoHsp = 0, longerOnly = 0;
        foreach (var chain in tree.Truth.Chains.Where(c => c.Category == "insertion"))
            foreach (var host in chain.Domains.Where(d => d.Range.Segments.Count == 2))
                foreach (var hit in TrueHits(chain, host).Where(h => h.Type == "domain_blast"))
                {
                    if (hit.QueryRange.Segments.Count == 2)
                    {
                        twoHsp++;
                        Assert.Equal(2, hit.HspEValues);
                        Assert.True(hit.HitRange.Segments[1].Start > hit.HitRange.Segments[0].End, $"{chain.ProteinId}: HSPs not collinear");
                    }
                    else longerOnly++;
                }
        Assert.True(twoHsp > 10 && longerOnly > 10, $"two-HSP {twoHsp}, longer-only {longerOnly}");
    }

    [Fact]
    public void Remote_homologs_have_hhsearch_probabilities_50_to_95_and_no_blast_hit()
    {
        var probabilities = tree.Truth.Chains.Where(c => c.Category == "hhsearch_only")
            .SelectMany(c => c.Domains.SelectMany(d => TrueHits(c, d)))
            .Where(h => h.Type == "hhsearch").Select(h => double.Parse(h.Probability!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(probabilities.Count > 50);
        Assert.InRange(probabilities.Min(), 50, 60);
        Assert.InRange(probabilities.Max(), 85, 95);
    }

    [Fact]
    public void Decoys_straddle_thresholds_compete_from_other_t_groups_and_empty_chains_carry_weak_hits()
    {
        var empty = tree.Truth.Chains.Where(c => c.Category == "no_evidence").ToList();
        Assert.Contains(empty, c => tree.Hits(c).Count > 0);
        Assert.All(empty.SelectMany(tree.Hits), h => Assert.NotEqual("chain_blast", h.Type));
        var competing = tree.Truth.Chains.Where(c => c.Category is "single_domain" or "multi_domain")
            .Count(c => c.Domains.Any(d => tree.Hits(c).Any(h => h.Type != "chain_blast" && tree.Reference.Domains[h.Target].TGroup != d.TGroup
                && Overlap(h.QueryRange, d.Range) > 0.8 * d.Range.TotalLength)));
        Assert.True(competing > 20, $"{competing} chains with a competing hit");
        var hhDecoyProbabilities = tree.Truth.Chains.SelectMany(c => tree.Hits(c).Where(h => h.Type == "hhsearch"
            && !c.Domains.Any(d => tree.Reference.Domains[h.Target].TGroup == d.TGroup))).Select(h => double.Parse(h.Probability!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(hhDecoyProbabilities, p => p is > 50 and < 68);   // under the HHsearch threshold
        Assert.Contains(hhDecoyProbabilities, p => p is > 70 and < 90);   // over it
    }

    [Fact]
    public void Easy_is_the_default_and_hard_changes_only_the_evidence()
    {
        Assert.Same(SyntheticNoise.Easy, new SyntheticBatchOptions().Noise);
        using var temp = new TempFolder();
        var easy = SyntheticBatchGenerator.Generate(temp.Sub("easy"), new SyntheticBatchOptions { ProteinCount = 400, Seed = 4242 });
        var easyTruth = TruthSet.Load(easy.TruthPath);
        Assert.Equal(easyTruth.Chains.Select(c => (c.ProteinId, c.Category, c.Length, string.Join(";", c.Domains.Select(d => d.Range)))),
            tree.Truth.Chains.Select(c => (c.ProteinId, c.Category, c.Length, string.Join(";", c.Domains.Select(d => d.Range)))));
    }

    [Theory]
    [InlineData(nameof(SyntheticNoise.BoundaryNoise))]
    [InlineData(nameof(SyntheticNoise.MinHitCoverage))]
    [InlineData(nameof(SyntheticNoise.RemoteMaxProbability))]
    [InlineData(nameof(SyntheticNoise.CompetingDecoyFraction))]
    public void Nonsense_noise_settings_are_refused_by_name(string property)
    {
        var bad = property switch
        {
            nameof(SyntheticNoise.BoundaryNoise) => SyntheticNoise.Hard with { BoundaryNoise = -1 },
            nameof(SyntheticNoise.MinHitCoverage) => SyntheticNoise.Hard with { MinHitCoverage = 0.01 },
            nameof(SyntheticNoise.RemoteMaxProbability) => SyntheticNoise.Hard with { RemoteMaxProbability = 40 },
            _ => SyntheticNoise.Hard with { CompetingDecoyFraction = 2 },
        };
        Assert.Equal(property, Assert.Throws<ArgumentException>(() => bad.Validate()).ParamName);
        using var temp = new TempFolder();
        Assert.Throws<ArgumentException>(() => SyntheticBatchGenerator.Generate(temp.Sub("x"), new SyntheticBatchOptions { ProteinCount = 5, Noise = bad }));
    }

    private static int Overlap(ResidueRange a, ResidueRange b) => a.Positions().Intersect(b.Positions()).Count();
}
