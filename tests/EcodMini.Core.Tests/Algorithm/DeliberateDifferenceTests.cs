using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

/// <summary>ALGORITHM.md section 12.</summary>
public class DeliberateDifferenceTests
{
    private static readonly EcodMini.Core.Inputs.ReferenceData Ref = Reference([Domain("e1aaaA1", "1aaa", "A", "1-100"), Domain("e1bbbA1", "1bbb", "A", "1-100")]);

    [Fact]
    public void LengthIsEstimatedFromTheFurthestHitEndOnlyWhenNothingIsRecorded()
    {
        var hits = new[] { DomainHit("e1aaaA1", "1-100", "1-100"), DomainHit("e1bbbA1", "101-180", "1-100") };
        var estimated = Run(Ref, Chain(0, hits) with { Length = null });
        Assert.Equal(180, estimated.SequenceLength);
        Assert.Contains(estimated.QualityFlags, f => f.FlagType == "length_estimated");

        var fromSequence = Run(Ref, Chain(0, hits) with { Length = null, Sequence = new string('M', 250) });
        Assert.Equal(250, fromSequence.SequenceLength);
        Assert.DoesNotContain(fromSequence.QualityFlags, f => f.FlagType == "length_estimated");

        var recorded = Run(Ref, Chain(300, hits));
        Assert.Equal(300, recorded.SequenceLength);
        Assert.DoesNotContain(recorded.QualityFlags, f => f.FlagType == "length_estimated");
    }

    [Fact]
    public void NoLengthAndNoUsableHitIsAnError() =>
        Assert.Throws<FormatException>(() => Run(Ref, Chain(0, []) with { Length = null }));

    [Theory]
    [InlineData("1e-30,1e-2,5")]
    [InlineData(" 2.5E-30 ")]
    [InlineData("0")]
    [InlineData("0.0")]
    public void EvalueTextVariantsAreUsed(string evalue)
    {
        var r = Run(Ref, Chain(100, [DomainHit("e1aaaA1", "1-100", "1-100", evalue)]));
        Assert.Single(r.Domains);
        Assert.Equal(0.95, r.Domains[0].Confidence);
    }

    [Fact]
    public void EvalueZeroIsTheStrongestEvidence()
    {
        var r = Run(Ref, Chain(100, [DomainHit("e1bbbA1", "1-100", "1-100", "1e-5"), DomainHit("e1aaaA1", "1-100", "1-100", "0")]));
        Assert.Equal("e1aaaA1", r.Domains.Single().EcodDomainId);
    }

    [Fact]
    public void HhSearchConfidenceComesFromTheProbability()
    {
        var r = Run(Ref, Chain(100, [DomainHit("e1aaaA1", "1-100", "1-100", "5", EvidenceType.HhSearch, "90")]));
        // 0.9 * 0.95 + 0.06 + 0.03, although the e-value alone would give 0.2
        Assert.Equal(0.945, r.Domains.Single().Confidence, 6);
    }

    [Fact]
    public void MalformedHitsAreRejectedAndCountedNotFatal()
    {
        var r = Run(Ref, Chain(150,
        [
            DomainHit("e1aaaA1", "50-10", "1-100"),
            DomainHit("e1aaaA1", "100-160", "1-100"),
            DomainHit("e1aaaA1", "1-100", "1-100", "abc"),
            DomainHit("e1bbbA1", "1-100", "1-100", "1e-20"),
        ]));
        Assert.True(r.Success);
        Assert.Equal(2, r.RejectionCounts[RejectionReasons.InvalidRange]);
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.InvalidEvalue]);
        Assert.Contains(r.Decisions, d => d.Contains("past sequence end"));
        Assert.Equal("e1bbbA1", r.Domains.Single().EcodDomainId);
        Assert.Equal(3, r.EvidenceCounts[EvidenceType.DomainBlast] - 1);
    }

    [Fact]
    public void WhitespaceInRangesIsTolerated()
    {
        var r = Run(Ref, Chain(150, [DomainHit("e1aaaA1", " 1 - 60 , 70-110 ", "1-100")]));
        Assert.Equal("1-110", r.Domains.Single().Range.ToString());
        Assert.Equal("1-60,70-110", r.Domains.Single().OriginalRange!.ToString());
    }
}
