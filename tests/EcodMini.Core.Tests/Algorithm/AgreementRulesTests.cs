using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

/// <summary>The agreement rules of docs/ALGORITHM-NOTES.md, each against <see cref="PartitionOptions.Original"/>.</summary>
public class AgreementRulesTests
{
    // Six reference domains of 100 residues: a..d in T-group 1.1.1 (H-group 1.1.1.h), x and y in 2.2.2.
    private static readonly EcodMini.Core.Inputs.ReferenceData Ref = Reference(
    [
        Domain("e1aaaA1", "1aaa", "A", "1-100", "1.1.1"), Domain("e1bbbA1", "1bbb", "A", "1-100", "1.1.1"),
        Domain("e1cccA1", "1ccc", "A", "1-100", "1.1.1"), Domain("e1dddA1", "1ddd", "A", "1-100", "1.1.1"),
        Domain("e1xxxA1", "1xxx", "A", "1-100", "2.2.2"), Domain("e1yyyA1", "1yyy", "A", "1-100", "2.2.2"),
    ]);

    private static string Ranges(PartitionResult r) => string.Join(" ", r.Domains.Select(d => d.Range.ToString()));

    [Fact]
    public void ALoneWeakHitGivesNoDomainWhileAStrongOneOrTwoAgreeingOnesDo()
    {
        SummaryHit Weak(string target) => DomainHit(target, "41-140", "1-100", "1e-6");   // confidence 0.75 + coverage bonus < 0.8
        var lone = Run(Ref, Chain(200, [Weak("e1aaaA1")]));
        Assert.Equal(0, lone.DomainCount);
        Assert.Equal(1, lone.RejectionCounts[RejectionReasons.LoneWeakHit]);
        Assert.Equal(1, Run(Ref, Chain(200, [Weak("e1aaaA1")]), PartitionOptions.Original).DomainCount);
        Assert.Equal(1, Run(Ref, Chain(200, [DomainHit("e1aaaA1", "41-140", "1-100", "1e-12")])).DomainCount);
        Assert.Equal(1, Run(Ref, Chain(200, [Weak("e1aaaA1"), DomainHit("e1bbbA1", "45-138", "3-98", "1e-6")])).DomainCount);
    }

    [Fact]
    public void TwoHitsToTheSameReferenceAreNotIndependentAgreement()
    {
        var r = Run(Ref, Chain(200, [DomainHit("e1aaaA1", "41-140", "1-100", "1e-6"), DomainHit("e1aaaA1", "43-138", "3-98", "1e-6")]));
        Assert.Equal(0, r.DomainCount);
    }

    [Fact]
    public void SubThresholdHhSearchHitsCountWhenThreeIndependentOnesAgree()
    {
        // probability 60: confidence 0.57 + bonuses < 0.65, below the HHsearch threshold on its own.
        SummaryHit Hh(string target, string query) => DomainHit(target, query, "1-90", "1e-2", EvidenceType.HhSearch, "60");
        var three = Run(Ref, Chain(200, [Hh("e1aaaA1", "51-150"), Hh("e1bbbA1", "53-148"), Hh("e1cccA1", "49-151")]));
        Assert.Equal(1, three.DomainCount);
        Assert.Equal(EvidenceType.HhSearch, three.Domains[0].Source);
        var two = Run(Ref, Chain(200, [Hh("e1aaaA1", "51-150"), Hh("e1bbbA1", "53-148")]));
        Assert.Equal(0, two.DomainCount);
        Assert.Equal(2, two.RejectionCounts[RejectionReasons.WeakWithoutAgreement]);
        Assert.Equal(0, Run(Ref, Chain(200, [Hh("e1aaaA1", "51-150"), Hh("e1bbbA1", "53-148"), Hh("e1cccA1", "49-151")]), PartitionOptions.Original).DomainCount);
    }

    [Fact]
    public void SubThresholdHitsOfDifferentHGroupsDoNotAgree()
    {
        SummaryHit Hh(string target, string query) => DomainHit(target, query, "1-90", "1e-2", EvidenceType.HhSearch, "60");
        var r = Run(Ref, Chain(200, [Hh("e1aaaA1", "51-150"), Hh("e1bbbA1", "53-148"), Hh("e1xxxA1", "49-151")]));
        Assert.Equal(0, r.DomainCount);
    }

    [Fact]
    public void OneStrongLongerHitOfAnotherTGroupIsOutvotedByThreeAgreeingHits()
    {
        var hits = new[]
        {
            DomainHit("e1xxxA1", "1-150", "1-100", "1e-30"),           // longest: first in section 6's order
            DomainHit("e1aaaA1", "11-130", "1-100", "1e-20"),
            DomainHit("e1bbbA1", "13-128", "1-100", "1e-20"),
            DomainHit("e1cccA1", "9-131", "1-100", "1e-20"),
        };
        var original = Run(Ref, Chain(200, hits), PartitionOptions.Original);
        Assert.Equal("e1xxxA1", original.Domains.Single().EcodDomainId);
        var r = Run(Ref, Chain(200, hits));
        Assert.Equal("1.1.1", r.Domains.Single().TGroup);
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.Outvoted]);
    }

    [Fact]
    public void ConsensusTakesTheMedianEndsNotTheLongestHit()
    {
        // Hit ends scattered around 100 | 106 (true boundary), the longest overhanging the neighbour by 15.
        var hits = new[]
        {
            DomainHit("e1aaaA1", "1-115", "1-100"), DomainHit("e1bbbA1", "1-101", "1-100"), DomainHit("e1cccA1", "1-99", "1-100"),
            DomainHit("e1xxxA1", "106-205", "1-100"), DomainHit("e1yyyA1", "104-205", "1-100"),
        };
        var original = Run(Ref, Chain(205, hits), PartitionOptions.Original);
        Assert.Equal(1, original.DomainCount); // the overhang makes the second domain fail the old-coverage test
        var r = Run(Ref, Chain(205, hits));
        Assert.Equal(2, r.DomainCount);
        Assert.InRange(r.Domains[0].Range.End, 99, 105);
        Assert.Contains(r.Domains[0].Actions, a => a.StartsWith("consensus of 3 agreeing hit(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void ReferenceEndsAreProjectedIntoUnassignedResiduesWhenTheyMakeHitsAgree()
    {
        // Three partial hits of one 100-residue domain at 51-150: each aligns another part of the reference.
        var hits = new[]
        {
            DomainHit("e1aaaA1", "51-110", "1-60", "1e-30"), DomainHit("e1bbbA1", "71-150", "21-100", "1e-30"),
            DomainHit("e1cccA1", "61-130", "11-80", "1e-30"),
        };
        var r = Run(Ref, Chain(200, hits));
        var domain = r.Domains.Single();
        Assert.Equal(51, domain.Range.Start);
        Assert.Equal(150, domain.Range.End);
        Assert.Contains(domain.Actions, a => a.Contains("reference-end projection", StringComparison.Ordinal));
        Assert.Equal("71-150", Run(Ref, Chain(200, hits), PartitionOptions.Original).Domains.Single().Range.ToString());
    }

    [Fact]
    public void ProjectionNeverTakesResiduesOfAnotherDomain()
    {
        var hits = new[]
        {
            DomainHit("e1aaaA1", "71-120", "21-70", "1e-30"), DomainHit("e1bbbA1", "81-130", "31-80", "1e-30"),
            DomainHit("e1xxxA1", "1-60", "1-60", "1e-30"), DomainHit("e1yyyA1", "1-62", "1-62", "1e-30"),
        };
        // Projection alone (the host claim would take 151-200 for the first domain: its hits leave ~40 residues unaligned).
        var r = Run(Ref, Chain(200, hits), new PartitionOptions { ClaimHostRemainders = false });
        Assert.Equal(2, r.DomainCount);
        var first = r.Domains[0];
        var second = r.Domains[1];
        Assert.True(first.Range.End < second.Range.Start, Ranges(r));
        Assert.Equal(1, first.Range.Start);
    }

    [Fact]
    public void AnUnassignedRunBeyondAnInsertBecomesTheHostsSecondSegmentWhenItsHitsReachIt()
    {
        // Host 1-60 + 131-170 around an insert at 66-125; one host hit has two collinear HSPs, two only the longer one,
        // so the consensus (at least half of the hits) leaves the short piece out.
        var hits = new[]
        {
            DomainHit("e1aaaA1", "1-60,131-170", "1-60,61-100", "1e-30"), DomainHit("e1bbbA1", "1-62", "1-62", "1e-30"),
            DomainHit("e1cccA1", "2-61", "2-61", "1e-30"),
            DomainHit("e1xxxA1", "66-125", "1-60", "1e-30"), DomainHit("e1yyyA1", "64-127", "1-64", "1e-30"),
        };
        var host = Run(Ref, Chain(175, hits)).Domains.Single(d => d.TGroup == "1.1.1");
        Assert.Equal(2, host.Range.Segments.Count);
        Assert.InRange(host.Range.Segments[1].Start, 126, 133);
        Assert.Contains(host.Actions, a => a.Contains("rest of a host split by an inserted domain", StringComparison.Ordinal));
        var unclaimed = Run(Ref, Chain(175, hits), new PartitionOptions { ClaimHostRemainders = false }).Domains.Single(d => d.TGroup == "1.1.1");
        Assert.Single(unclaimed.Range.Segments);
    }

    [Fact]
    public void WithEveryRuleOffTheResultIsTheSpecifiedAlgorithms()
    {
        var off = new PartitionOptions
        {
            OrderBySupport = false, ConsensusBoundaries = false, LoneHitMinConfidence = 0, AgreementMinHits = 0,
            OutvoteCompetingHits = false, ProjectReferenceEnds = false, SplitGapsByAgreement = false, ClaimHostRemainders = false,
            WeakHitVotes = false,
        };
        var original = PartitionOptions.Original;
        Assert.Equal(original, off with { EvalueBinLimits = original.EvalueBinLimits, EvalueBinConfidences = original.EvalueBinConfidences });
        Assert.False(PartitionOptions.Original.UsesAgreement());
        Assert.True(new PartitionOptions().UsesAgreement());
    }
}
