using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

public class BoundaryOptimizerTests
{
    private static readonly EcodMini.Core.Inputs.ReferenceData Ref = Reference(
        [Domain("e1aaaA1", "1aaa", "A", "1-100"), Domain("e1bbbA1", "1bbb", "A", "1-100"), Domain("e1cccA1", "1ccc", "A", "1-100"),
         Domain("e1dddA1", "1ddd", "A", "1-100")]);

    // Section 9 as specified, on lone hits: the agreement rules (tested in AgreementRulesTests) are off.
    private static readonly PartitionOptions Lenient = PartitionOptions.Original with { ApplyQualityThresholds = false };

    private static PartitionResult Hits(int length, params (string Query, string Evalue)[] hits)
    {
        string[] ids = ["e1aaaA1", "e1bbbA1", "e1cccA1", "e1dddA1"];
        return Run(Ref, Chain(length, hits.Select((h, i) => DomainHit(ids[i], h.Query, "1-100", h.Evalue))), Lenient);
    }

    [Fact]
    public void SmallOverlapGoesToTheHigherConfidenceDomain()
    {
        var r = Hits(200, ("1-100", "1e-50"), ("98-200", "1e-5"));
        Assert.Equal("1-100 101-200", Ranges(r));
        Assert.Contains(r.Domains[1].Actions, a => a.StartsWith("lost 3 overlapping"));
        Assert.Equal("98-200", r.Domains[1].OriginalRange!.ToString());
    }

    [Fact]
    public void SmallOverlapWithEqualConfidenceGoesToTheLargerDomain()
    {
        Assert.Equal("1-100 101-150", Ranges(Hits(150, ("1-100", "1e-50"), ("98-150", "1e-50"))));
        Assert.Equal("1-47 48-150", Ranges(Hits(150, ("48-150", "1e-50"), ("1-50", "1e-50"))));
    }

    [Theory]
    [InlineData(95, "1-100 95-200")]  // 6 shared: left alone
    [InlineData(96, "1-100 101-200")] // 5 shared: resolved
    public void OnlyOverlapsUpToSmallOverlapMaxAreResolved(int secondStart, string expected) =>
        Assert.Equal(expected, Ranges(Hits(200, ("1-100", "1e-50"), ($"{secondStart}-200", "1e-5"))));

    [Fact]
    public void NTerminalFragmentMergesIntoTheFirstDomain() =>
        Assert.Equal("1-100 101-200", Ranges(Hits(200, ("11-100", "1e-50"), ("101-200", "1e-50"))));

    [Fact]
    public void NTerminalFragmentGoesToTheFirstDomainByStartAfterOverlapsAreResolved() =>
        // Both start at 11; the first-selected one loses 11-13 to the stronger one, which is then first by start.
        Assert.Equal("1-60 101-200", Ranges(Hits(200, ("11-13,101-200", "1e-5"), ("11-60", "1e-50"))));

    [Fact]
    public void CTerminalFragmentMergesIntoTheLastDomain() =>
        Assert.Equal("1-100 101-200", Ranges(Hits(200, ("1-100", "1e-50"), ("101-190", "1e-50"))));

    [Theory]
    [InlineData("111-200", "1-105 106-200")] // even run 101-110: first half to the preceding domain
    [InlineData("112-200", "1-106 107-200")] // odd run 101-111: the middle residue goes to the preceding domain
    public void InterstitialFragmentIsSplitAtTheMiddle(string second, string expected) =>
        Assert.Equal(expected, Ranges(Hits(200, ("1-100", "1e-50"), (second, "1e-50"))));

    [Theory]
    [InlineData("1e-5", "1e-50", "1-100 101-200")]  // one-residue run goes to the higher-confidence neighbour
    [InlineData("1e-50", "1e-5", "1-101 102-200")]
    [InlineData("1e-50", "1e-50", "1-101 102-200")] // tie: the preceding domain
    public void OneResidueInterstitialRunGoesToTheStrongerNeighbour(string first, string second, string expected) =>
        Assert.Equal(expected, Ranges(Hits(200, ("1-100", first), ("102-200", second))));

    [Fact]
    public void InterstitialFragmentWithOneNeighbourGoesToIt()
    {
        var r = Hits(300, ("21-160", "1e-50"), ("1-20,171-249", "1e-50"), ("250-300", "1e-50"));
        Assert.Equal("1-20,171-249 21-170 250-300", Ranges(r));
    }

    [Fact]
    public void InterstitialFragmentWithoutNeighbourIsTreatedAsNTerminal()
    {
        var r = Hits(330, ("61-160,250-300", "1e-50"), ("1-20,171-249", "1e-50"), ("21-60", "1e-50"), ("301-330", "1e-50"));
        Assert.Equal("1-20,161-249 21-60 61-160,250-300 301-330", Ranges(r));
    }

    [Fact]
    public void SingletonGoesToTheClosestDomainTiesToTheOneStartingFirst()
    {
        var r = Hits(52, ("1-25,52", "1e-50"), ("26-50", "1e-50"));
        Assert.Equal("1-25,51-52 26-50", Ranges(r));
    }

    [Fact]
    public void SingletonGoesToTheClosestDomain()
    {
        var r = Hits(200, ("2-100", "1e-50"), ("101-200", "1e-50"));
        Assert.Equal("1-100 101-200", Ranges(r));
    }

    [Fact]
    public void LargeGapsAreLeftAndFlagged()
    {
        var r = Hits(200, ("1-100", "1e-50"), ("126-200", "1e-50"));
        Assert.Equal("1-100 126-200", Ranges(r));
        Assert.Contains(r.QualityFlags, f => f.FlagType == "large_gap" && f.Message.Contains("101-125"));
    }

    [Fact]
    public void DomainsAreNumberedByStart()
    {
        var r = Hits(200, ("101-200", "1e-50"), ("1-100", "1e-60"));
        Assert.Equal(["8ovp_A_001", "8ovp_A_002"], r.Domains.Select(d => d.Id));
        Assert.Equal(1, r.Domains[0].Range.Start);
        Assert.Equal(1.0, r.Coverage);
    }

    [Theory]
    [InlineData("100-155", "26-99,156-160,171-300", "1-25 26-99,156-160,171-300 100-155,161-170 301-330")]   // end 5 before the run: a neighbour
    [InlineData("100-154", "26-99,155-160,171-300", "1-25,161-170 26-99,155-160,171-300 100-154 301-330")] // 6 before: none
    public void NeighbourToleranceBoundary(string x, string y, string expected)
    {
        var r = Run(Reference([Domain("e1aaaA1", "1aaa", "A", "1-300"), Domain("e1bbbA1", "1bbb", "A", "1-100"), Domain("e1cccA1", "1ccc", "A", "1-100"), Domain("e1dddA1", "1ddd", "A", "1-100")]),
            Chain(330, [DomainHit("e1aaaA1", y, "1-300"), DomainHit("e1bbbA1", x, "1-100"), DomainHit("e1cccA1", "301-330", "1-100"), DomainHit("e1dddA1", "1-25", "1-100")]), Lenient);
        Assert.Equal(expected, Ranges(r));
    }
}
