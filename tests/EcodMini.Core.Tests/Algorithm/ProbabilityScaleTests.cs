using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

/// <summary>
/// HHsearch prints probabilities 0-100 and the summaries list hits well under 1%: in a chain with any probability above 1,
/// a listed "0.8" is 0.8%, never 80% (ALGORITHM.md section 3 read alone would take it for a fraction).
/// </summary>
public class ProbabilityScaleTests
{
    // A real domain at 1-100 (HHsearch 96%), and an unrelated reference aligned at 0.8% over 150-249.
    private static readonly ReferenceData Ref = Reference(
    [
        Domain("e1aaaA1", "1aaa", "A", "1-100", "1.1.1"), Domain("e2bbbA1", "2bbb", "A", "1-100", "2.2.2"),
    ]);

    private static SummaryHit Hh(string target, string query, string probability) =>
        DomainHit(target, query, "1-100", "1e-2", EvidenceType.HhSearch, probability);

    [Theory]
    [InlineData("0.8")]
    [InlineData("1.0")]
    [InlineData("1")]
    [InlineData("0.9")]
    public void A_hit_at_1_percent_or_under_beside_hits_over_1_percent_is_read_on_their_scale(string probability)
    {
        SummaryHit[] hits = [Hh("e1aaaA1", "1-100", "96.0"), Hh("e2bbbA1", "150-249", probability)];
        var result = Run(Ref, Chain(300, hits));
        Assert.Equal("1-100", Ranges(result));
        Assert.Equal(1, result.RejectionCounts[RejectionReasons.LowConfidence]);

        // Read one hit at a time (the option off, ALGORITHM.md as written) it would be a near-certain domain.
        var perHit = Run(Ref, Chain(300, hits), new PartitionOptions { ProbabilityScaleByChain = false });
        Assert.Equal("1-100 150-249", Ranges(perHit));
    }

    [Fact]
    public void Unset_it_follows_WeakHitVotes_so_votes_off_alone_reads_each_hit_as_before_issue_22()
    {
        SummaryHit[] hits = [Hh("e1aaaA1", "1-100", "96.0"), Hh("e2bbbA1", "150-249", "1.0")];
        Assert.Null(new PartitionOptions().ProbabilityScaleByChain);
        Assert.Equal("1-100", Ranges(Run(Ref, Chain(300, hits))));
        Assert.Equal("1-100 150-249", Ranges(Run(Ref, Chain(300, hits), new PartitionOptions { WeakHitVotes = false })));
        Assert.Equal("1-100", Ranges(Run(Ref, Chain(300, hits), new PartitionOptions { WeakHitVotes = false, ProbabilityScaleByChain = true })));
        Assert.Equal("1-100 150-249", Ranges(Run(Ref, Chain(300, hits), PartitionOptions.Original)));
    }

    [Fact]
    public void A_chain_whose_probabilities_are_all_1_or_under_is_read_as_fractions_as_specified()
    {
        var result = Run(Ref, Chain(300, [Hh("e1aaaA1", "1-100", "0.96"), Hh("e2bbbA1", "150-249", "0.97")]));
        Assert.Equal("1-100 150-249", Ranges(result));
    }

    [Fact]
    public void Only_HHsearch_probabilities_set_the_scale()
    {
        // A domain BLAST hit carrying a probability attribute above 1 does not make the chain's HHsearch hits percent.
        var blast = DomainHit("e1aaaA1", "1-100", "1-100", "1e-30", EvidenceType.DomainBlast, "96.0");
        Assert.False(ProbabilityScale.IsPercent(new PartitionOptions(), [blast, Hh("e2bbbA1", "150-249", "0.97")]));
        Assert.True(ProbabilityScale.IsPercent(new PartitionOptions(), [Hh("e1aaaA1", "1-100", "1.5"), Hh("e2bbbA1", "150-249", "0.97")]));
        Assert.False(ProbabilityScale.IsPercent(new PartitionOptions { ProbabilityScaleByChain = false }, [Hh("e1aaaA1", "1-100", "96")]));
    }

    [Theory]
    [InlineData(0.8, true, 0.1)]     // 0.8% floors at ProbabilityMinBase
    [InlineData(1.0, true, 0.1)]
    [InlineData(95.2, true, 0.9)]
    [InlineData(0.8, false, 0.8)]    // on its own: a fraction
    [InlineData(1.0, false, 0.9)]
    public void The_base_follows_the_chain_scale(double probability, bool percent, double expected) =>
        Assert.Equal(expected, ConfidenceCalculator.Base(new PartitionOptions(), EvidenceType.HhSearch, 1e-2, probability, percent), 6);
}
