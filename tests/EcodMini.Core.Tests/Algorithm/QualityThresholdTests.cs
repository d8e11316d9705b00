using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

public class QualityThresholdTests
{
    private static readonly EcodMini.Core.Inputs.ReferenceData Ref = Reference([Domain("e1abcA1", "1abc", "A", "1-100", "1.1.1")]);

    // Section 4 as specified, on one lone hit: the agreement rules (tested in AgreementRulesTests) are off.
    private static PartitionResult One(SummaryHit hit, PartitionOptions? o = null) => Run(Ref, Chain(300, [hit]), o ?? PartitionOptions.Original);

    [Theory]
    [InlineData("5e-3", 1)]   // base 0.5, not below 0.5
    [InlineData("0.05", 0)]   // base 0.4
    public void DomainBlastMinConfidence(string evalue, int domains)
    {
        var r = One(DomainHit("e1abcA1", "101-200", "1-60", evalue));
        Assert.Equal(domains, r.DomainCount);
        if (domains == 0) Assert.Equal(1, r.RejectionCounts[RejectionReasons.LowConfidence]);
    }

    [Theory]
    [InlineData("1-50", 1)]
    [InlineData("1-49", 0)]
    public void DomainBlastMinReferenceCoverage(string hitRange, int domains)
    {
        var r = One(DomainHit("e1abcA1", "101-200", hitRange));
        Assert.Equal(domains, r.DomainCount);
        if (domains == 0) Assert.Equal(1, r.RejectionCounts[RejectionReasons.LowReferenceCoverage]);
    }

    [Theory]
    [InlineData("68.43", 1)]  // 0.6843 * 0.95 = 0.6501
    [InlineData("68", 0)]     // 0.646
    public void HhSearchMinConfidence(string probability, int domains)
    {
        var r = One(DomainHit("e1abcA1", "101-200", "1-65", null, EvidenceType.HhSearch, probability));
        Assert.Equal(domains, r.DomainCount);
        if (domains == 0) Assert.Equal(1, r.RejectionCounts[RejectionReasons.LowConfidence]);
    }

    [Theory]
    [InlineData("1-60", 1)]
    [InlineData("1-59", 0)]
    public void HhSearchMinReferenceCoverage(string hitRange, int domains)
    {
        var r = One(DomainHit("e1abcA1", "101-200", hitRange, null, EvidenceType.HhSearch, "99"));
        Assert.Equal(domains, r.DomainCount);
        if (domains == 0) Assert.Equal(1, r.RejectionCounts[RejectionReasons.LowReferenceCoverage]);
    }

    [Fact]
    public void MissingHitRangeIsIncompleteReferenceData()
    {
        var r = One(DomainHit("e1abcA1", "101-200", "") );
        Assert.Equal(0, r.DomainCount);
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.IncompleteReferenceData]);
    }

    [Fact]
    public void ThresholdsCanBeSwitchedOff()
    {
        var r = One(DomainHit("e1abcA1", "101-200", "1-10", "0.5"), PartitionOptions.Original with { ApplyQualityThresholds = false });
        Assert.Equal(1, r.DomainCount);
    }

    [Fact]
    public void UnknownReferenceLengthIsDroppedOnlyWhenRequired()
    {
        var hit = DomainHit("e9zzzA1", "101-200", "1-100");
        var strict = One(hit);
        Assert.Equal(0, strict.DomainCount);
        Assert.Equal(1, strict.RejectionCounts[RejectionReasons.NoReferenceLength]);
        var lenient = One(hit, PartitionOptions.Original with { RequireReferenceLengths = false, ApplyQualityThresholds = false });
        Assert.Equal(1, lenient.DomainCount);
    }

    [Fact]
    public void ReferenceLengthFallsBackToIdWithoutLeadingE()
    {
        var reference = Reference([], extraLengths: [KeyValuePair.Create("9zzzA1", 100)]);
        var r = Run(reference, Chain(300, [DomainHit("e9zzzA1", "101-200", "1-100")]));
        Assert.Equal(1, r.DomainCount);
        Assert.Equal("9zzz", r.Domains[0].Family);
    }
}
