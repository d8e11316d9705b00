using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

public class ChainBlastDecomposerTests
{
    private static readonly PartitionOptions O = new();

    [Fact]
    public void MapsThroughGapsOnBothStrings()
    {
        // query: AAA-A   hit: G-GGG  (query 10.., hit 5..)
        var map = ChainBlastDecomposer.MapHitToQuery("AAA-A", "G-GGG", 10, 5);
        Assert.Equal(10, map[5]);   // A/G
        Assert.Equal(12, map[6]);   // query 11 against a hit gap, so hit 6 pairs with query 12
        Assert.Equal(0, map[7]);    // hit 7 against a query gap
        Assert.Equal(13, map[8]);
    }

    [Fact]
    public void TwoDomainReferenceSplitsAtTheMappedBoundary()
    {
        var domains = new[] { Domain("e1twoA1", "1two", "A", "1-100"), Domain("e1twoA2", "1two", "A", "101-200") };
        var (q, h) = Aligned((100, 'M'), (30, 'I'), (100, 'M'));
        var r = ChainBlastDecomposer.Decompose(new ChainAlignment(q, h, 1, 1), domains, 0.9, 300, O);
        Assert.True(r.Success);
        Assert.Equal("1-100", r.Pieces[0].QueryRange.ToString());
        Assert.Equal("131-230", r.Pieces[1].QueryRange.ToString());
        Assert.Equal(1.0, r.Pieces[1].Coverage);
        Assert.Equal(0.9, r.Pieces[1].Confidence);
    }

    [Theory]
    [InlineData(19, 1)]
    [InlineData(20, 2)]
    public void ReferenceDomainsNeedMinMappedPositions(int mappedInSecond, int pieces)
    {
        var domains = new[] { Domain("e1twoA1", "1two", "A", "1-100"), Domain("e1twoA2", "1two", "A", "101-200") };
        var (q, h) = Aligned((100 + mappedInSecond, 'M'));
        var r = ChainBlastDecomposer.Decompose(new ChainAlignment(q, h, 1, 1), domains, 0.9, 300, O);
        Assert.Equal(pieces, r.Pieces.Count);
        Assert.Equal(pieces == 2, r.Success);
        if (pieces == 1) Assert.Equal(RejectionReasons.DecompositionFailed, r.FailureReason);
    }

    [Fact]
    public void OnePieceIsEnoughForASingleDomainReference()
    {
        var (q, h) = Aligned((80, 'M'));
        var r = ChainBlastDecomposer.Decompose(new ChainAlignment(q, h, 1, 1), [Domain("e1oneA1", "1one", "A", "1-100")], 0.9, 300, O);
        Assert.True(r.Success);
        Assert.Equal(0.8, r.Pieces[0].Coverage);
        Assert.Equal(0.72, r.Pieces[0].Confidence);
    }

    [Fact]
    public void UnequalAlignmentStringsAreRejected()
    {
        var r = ChainBlastDecomposer.Decompose(new ChainAlignment("AAAA", "GGG", 1, 1), [Domain("e1oneA1", "1one", "A", "1-100")], 0.9, 300, O);
        Assert.Equal(RejectionReasons.AlignmentLengthMismatch, r.FailureReason);
    }

    [Theory]
    [InlineData(24, "1-124")]          // hole of 24 < 25: filled
    [InlineData(25, "1-50,76-125")]    // hole of 25: a real insertion, kept out
    public void SmallQuerySideHolesInsideAPieceAreFilled(int hole, string expected)
    {
        var (q, h) = Aligned((50, 'M'), (hole, 'I'), (50, 'M'));
        var r = ChainBlastDecomposer.Decompose(new ChainAlignment(q, h, 1, 1), [Domain("e1oneA1", "1one", "A", "1-100")], 0.9, 300, O);
        Assert.Equal(expected, r.Pieces[0].QueryRange.ToString());
        Assert.Equal(100, r.Pieces[0].MappedPositions);
    }

    [Fact]
    public void HoleFillLimitIsAnOption()
    {
        var (q, h) = Aligned((50, 'M'), (3, 'I'), (50, 'M'));
        var r = ChainBlastDecomposer.Decompose(new ChainAlignment(q, h, 1, 1), [Domain("e1oneA1", "1one", "A", "1-100")], 0.9, 300, O with { HoleFillMaxLength = 0 });
        Assert.Equal("1-50,54-103", r.Pieces[0].QueryRange.ToString());
    }

    [Fact]
    public void WeakPiecesAreDroppedAsNewRepresentativeCandidates()
    {
        var reference = Reference([Domain("e1twoA1", "1two", "A", "1-100"), Domain("e1twoA2", "1two", "A", "101-200")], [("1two", "A", 200)]);
        // Second reference domain only 40% mapped.
        var alignments = Alignment("1two", "A", 1, 1, (140, 'M'));
        var r = Run(reference, Chain(300, [ChainHit("1two_A", "1-140", "1-140")], alignments));
        Assert.Single(r.Domains);
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.WeakDecomposedPiece]);
        Assert.Contains(r.Decisions, d => d.Contains("candidate for new representative"));
    }

    [Fact]
    public void ChainHitWithoutAlignmentIsRejected()
    {
        var reference = Reference([Domain("e1oneA1", "1one", "A", "1-100")], [("1one", "A", 100)]);
        var r = Run(reference, Chain(300, [ChainHit("1one_A", "1-100", "1-100")]));
        Assert.Empty(r.Domains);
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.NoAlignment]);
    }

    [Fact]
    public void BlacklistedAndUndefinedChainsAreDiscarded()
    {
        var reference = Reference([Domain("e1oneA1", "1one", "A", "1-100")], [("1one", "A", 100), ("2two", "A", 100)], blacklist: [("1one", "A")]);
        var alignments = Alignment("1one", "A", 1, 1, (100, 'M'));
        var r = Run(reference, Chain(300, [ChainHit("1one_A", "1-100", "1-100"), ChainHit("2two_A", "101-200", "1-100")], alignments));
        Assert.Empty(r.Domains);
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.Blacklisted]);
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.NoDomainDefinitions]);
    }

    [Fact]
    public void ChainIdComesFromTheTargetId()
    {
        var reference = Reference(
            [Domain("e2ia4A1", "2ia4", "A", "1-60"), Domain("e2ia4A2", "2ia4", "A", "61-120"), Domain("e2ia4B1", "2ia4", "B", "1-120")],
            [("2ia4", "A", 120), ("2ia4", "B", 120)]);
        var alignments = Alignment("2ia4", "B", 1, 1, (120, 'M'));
        var hit = new SummaryHit { Type = EvidenceType.ChainBlast, TargetId = "e2ia4B1", Pdb = "2ia4", Chain = "A", QueryRange = "1-120", HitRange = "1-120", Evalue = "1e-50" };
        var r = Run(reference, Chain(120, [hit], alignments));
        Assert.Single(r.Domains);
        Assert.Equal("e2ia4B1", r.Domains[0].EcodDomainId);
    }

    [Theory]
    [InlineData(150, 2)] // second reference domain 50% mapped: kept
    [InlineData(149, 1)] // 49%: dropped
    public void DecomposedPieceMinCoverageBoundary(int aligned, int domains)
    {
        var reference = Reference([Domain("e1twoA1", "1two", "A", "1-100"), Domain("e1twoA2", "1two", "A", "101-200")], [("1two", "A", 200)]);
        var o = new PartitionOptions { DecomposedPieceMinConfidence = 0, DecomposedMinConfidence = 0 };
        var r = Run(reference, Chain(300, [ChainHit("1two_A", $"1-{aligned}", $"1-{aligned}")], Alignment("1two", "A", 1, 1, (aligned, 'M'))), o);
        Assert.Equal(domains, r.DomainCount);
    }
}
