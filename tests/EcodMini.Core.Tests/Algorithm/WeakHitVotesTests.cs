using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

/// <summary>Issue 22: hits below every floor vote for agreeing candidates of their H-group, and do nothing else.</summary>
public class WeakHitVotesTests
{
    // a, b, c in T-group 1.1.1 of H-group 1.1; o in T-group 1.1.2 of the same H-group; x in 2.2.2 (H-group 2.2); u unclassified.
    private static readonly ReferenceData Ref = Reference(
    [
        Classified("e1aaaA1", "1aaa", "1.1.1", "1.1"), Classified("e1bbbA1", "1bbb", "1.1.1", "1.1"),
        Classified("e1cccA1", "1ccc", "1.1.1", "1.1"), Classified("e1oooA1", "1ooo", "1.1.2", "1.1"),
        Classified("e1xxxA1", "1xxx", "2.2.2", "2.2"), Domain("e1uuuA1", "1uuu", "A", "1-100"),
    ]);

    private static ReferenceDomain Classified(string id, string pdb, string tGroup, string hGroup) =>
        new(id, pdb, "A", ResidueRange.Parse("1-100"), 100, tGroup, hGroup);

    /// <summary>HHsearch hit aligning 90 of the 100 reference residues: 72% is a candidate (confidence about 0.74, under the lone-hit 0.8).</summary>
    private static SummaryHit Hh(string target, string query, string probability) =>
        DomainHit(target, query, "1-90", "1e-2", EvidenceType.HhSearch, probability);

    private static PartitionResult Run(params SummaryHit[] hits) => EngineFixtures.Run(Ref, Chain(220, hits));

    private static PartitionResult RunOff(params SummaryHit[] hits) =>
        EngineFixtures.Run(Ref, Chain(220, hits), new PartitionOptions { WeakHitVotes = false });

    [Fact]
    public void ALoneMiddlingHitWithAgreeingWeakHitsOfItsHGroupBecomesADomainOnlyWithVotesOn()
    {
        SummaryHit[] hits = [Hh("e1aaaA1", "51-150", "72"), Hh("e1bbbA1", "40-160", "30"), Hh("e1cccA1", "56-146", "28")];
        var on = Run(hits);
        Assert.Equal(1, on.DomainCount);
        Assert.Equal("e1aaaA1", on.Domains[0].EcodDomainId);
        Assert.Contains(on.Domains[0].Actions, a => a.Contains("vote-only", StringComparison.Ordinal));
        var off = RunOff(hits);
        Assert.Equal(0, off.DomainCount);
        Assert.Equal(1, off.RejectionCounts[RejectionReasons.LoneWeakHit]);
    }

    [Fact]
    public void VotersSetNoBoundaryAndAreNeverCandidates()
    {
        // The voters reach far beyond the candidate: the domain still has the candidate's range (no consensus with voters).
        var r = Run(Hh("e1aaaA1", "51-150", "72"), Hh("e1bbbA1", "30-170", "30"), Hh("e1cccA1", "35-165", "30"));
        Assert.Equal("51-150", Ranges(r));
        // Weak hits alone never make a domain, however many agree.
        Assert.Equal(0, Run(Hh("e1aaaA1", "51-150", "30"), Hh("e1bbbA1", "52-150", "30"), Hh("e1cccA1", "50-151", "30")).DomainCount);
    }

    [Fact]
    public void AVoterOfAnotherTGroupOrHGroupOrWithoutClassificationNeverSupports()
    {
        var candidate = Hh("e1aaaA1", "51-150", "72");
        Assert.Equal(0, Run(candidate, Hh("e1oooA1", "52-149", "30"), Hh("e1xxxA1", "50-150", "30")).DomainCount);
        Assert.Equal(0, Run(candidate, Hh("e1uuuA1", "52-149", "30"), Hh("e1oooA1", "50-150", "30")).DomainCount);
        Assert.Equal(1, Run(candidate, Hh("e1bbbA1", "52-149", "30"), Hh("e1cccA1", "50-150", "30")).DomainCount);
    }

    [Fact]
    public void VotersNeedTheMinimumConfidenceAndReferenceCoverage()
    {
        var candidate = Hh("e1aaaA1", "51-150", "72");
        // 12%: confidence 0.174, under WeakVoteMinConfidence 0.2 (15%: 0.2025; 30%: 0.345).
        Assert.Equal(0, Run(candidate, Hh("e1bbbA1", "52-149", "12"), Hh("e1cccA1", "50-150", "12")).DomainCount);
        Assert.Equal(1, Run(candidate, Hh("e1bbbA1", "52-149", "15"), Hh("e1cccA1", "50-150", "15")).DomainCount);
        // 30% but aligning 40 of 100 reference residues: under WeakVoteMinReferenceCoverage 0.5.
        var partial = DomainHit("e1bbbA1", "52-149", "1-40", "1e-2", EvidenceType.HhSearch, "30");
        Assert.Equal(0, Run(candidate, partial, Hh("e1cccA1", "50-150", "30")).DomainCount);
        Assert.Equal(1, EngineFixtures.Run(Ref, Chain(220, [candidate, Hh("e1bbbA1", "52-149", "12"), Hh("e1cccA1", "50-150", "12")]),
            new PartitionOptions { WeakVoteMinConfidence = 0.15 }).DomainCount);
    }

    [Fact]
    public void ASubThresholdHitNeedsTwoVotersToReachThreeAgreeingHits()
    {
        // 60%: confidence about 0.63, under the HHsearch floor: a candidate only with AgreementMinHits (3) agreeing hits.
        var weak = Hh("e1aaaA1", "51-150", "60");
        Assert.Equal(0, Run(weak, Hh("e1bbbA1", "52-149", "30")).DomainCount);
        Assert.Equal(1, Run(weak, Hh("e1bbbA1", "52-149", "30"), Hh("e1cccA1", "50-150", "30")).DomainCount);
        // Two hits to one reference are one voter.
        Assert.Equal(0, Run(weak, Hh("e1bbbA1", "52-149", "30"), Hh("e1bbbA1", "50-150", "31")).DomainCount);
    }

    [Fact]
    public void OneVoterIsNotEnoughUnlessWeakVoteMinVotersSaysSo()
    {
        var candidate = Hh("e1aaaA1", "51-150", "72");
        Assert.Equal(0, Run(candidate, Hh("e1bbbA1", "52-149", "30")).DomainCount);
        Assert.Equal(1, EngineFixtures.Run(Ref, Chain(220, [candidate, Hh("e1bbbA1", "52-149", "30")]), new PartitionOptions { WeakVoteMinVoters = 1 }).DomainCount);
    }

    [Fact]
    public void VotesDoNotWeighInOutvoting()
    {
        // Candidate of 2.2.2 (confidence ~0.93 with its partner) against a 1.1.1 candidate with many voters: voters add no weight.
        SummaryHit[] hits =
        [
            Hh("e1aaaA1", "51-150", "72"), Hh("e1bbbA1", "52-149", "30"), Hh("e1cccA1", "50-150", "30"),
            Hh("e1xxxA1", "50-151", "97"),
        ];
        var r = Run(hits);
        Assert.Equal(1, r.DomainCount);
        Assert.Equal("2.2.2", r.Domains[0].TGroup);
    }
}
