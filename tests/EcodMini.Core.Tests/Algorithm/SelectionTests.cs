using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

public class SelectionTests
{
    private static readonly EcodMini.Core.Inputs.ReferenceData Ref = Reference(
        [Domain("e1aaaA1", "1aaa", "A", "1-100"), Domain("e1bbbA1", "1bbb", "A", "1-100"), Domain("e1cccA1", "1ccc", "A", "1-24"), Domain("e1dddA1", "1ddd", "A", "1-25")]);

    private static readonly PartitionOptions NoMerge = new() { MinDomainSize = 25 };

    [Theory]
    [InlineData(109, 1)]  // second hit 101-200 overlaps 9 used positions (old 0.09 < 0.1)
    [InlineData(110, 0)]  // 10 used positions: old = 0.1, rejected
    public void OldCoverageThresholdIsStrict(int firstEnd, int acceptedSecond)
    {
        var r = Run(Ref, Chain(400, [DomainHit("e1aaaA1", $"1-{firstEnd}", "1-100", "1e-40"), DomainHit("e1bbbA1", "101-200", "1-100", "1e-30")]), NoMerge);
        Assert.Equal(1 + acceptedSecond, r.DomainCount);
        if (acceptedSecond == 0) Assert.Equal(1, r.RejectionCounts[RejectionReasons.Overlap]);
    }

    [Theory]
    [InlineData(129, 1)]  // 29 of 100 used: new 0.71
    [InlineData(130, 0)]  // new = 0.7, rejected
    public void NewCoverageThresholdIsStrict(int firstEnd, int acceptedSecond)
    {
        var o = new PartitionOptions { OldCoverageThreshold = 1.0 };
        var r = Run(Ref, Chain(400, [DomainHit("e1aaaA1", $"1-{firstEnd}", "1-100", "1e-40"), DomainHit("e1bbbA1", "101-200", "1-100", "1e-30")]), o);
        Assert.Equal(1 + acceptedSecond, r.DomainCount);
    }

    [Theory]
    [InlineData("e1cccA1", "1-24", 0)]
    [InlineData("e1dddA1", "1-25", 1)]
    public void MinDomainSizeBoundary(string target, string hit, int domains)
    {
        var query = domains == 1 ? "51-75" : "51-74";
        var r = Run(Ref, Chain(400, [DomainHit(target, query, hit)]));
        Assert.Equal(domains, r.DomainCount);
        if (domains == 0) Assert.Equal(1, r.RejectionCounts[RejectionReasons.TooSmall]);
    }

    [Theory]
    [InlineData(124, 1)] // 25 unused left after the first domain: the phase goes on
    [InlineData(123, 0)] // 24 left: phase stops
    public void PhaseStopsWhenTooFewPositionsRemain(int length, int secondAccepted)
    {
        var o = new PartitionOptions { OldCoverageThreshold = 1.0, NewCoverageThreshold = 0.0, ApplyQualityThresholds = false };
        var r = Run(Ref, Chain(length, [DomainHit("e1aaaA1", "1-99", "1-100", "1e-40"), DomainHit("e1bbbA1", "95-123", "1-100", "1e-30")]), o);
        Assert.Equal(1 + secondAccepted, r.DomainCount);
        if (secondAccepted == 0) Assert.Equal(1, r.RejectionCounts[RejectionReasons.NoSpaceLeft]);
    }

    [Fact]
    public void DomainBlastIsSelectedBeforeHhSearch()
    {
        var r = Run(Ref, Chain(300,
        [
            DomainHit("e1bbbA1", "1-150", "1-100", null, EvidenceType.HhSearch, "99.9"),
            DomainHit("e1aaaA1", "1-100", "1-100", "1e-5"),
        ]));
        Assert.Single(r.Domains);
        Assert.Equal(EvidenceType.DomainBlast, r.Domains[0].Source);
    }

    [Fact]
    public void AllHitsFilteredIsSuccessWithZeroDomains()
    {
        var r = Run(Ref, Chain(300, [DomainHit("e1aaaA1", "1-100", "1-10", "5")]));
        Assert.True(r.Success);
        Assert.Empty(r.Domains);
        Assert.Equal(0, r.Coverage);
    }

    [Fact]
    public void ZeroEvidenceIsSuccessWithZeroDomains()
    {
        var r = Run(Ref, Chain(300, []));
        Assert.True(r.Success);
        Assert.Empty(r.Domains);
        Assert.Contains(r.QualityFlags, f => f.FlagType == "large_gap");
    }
}
