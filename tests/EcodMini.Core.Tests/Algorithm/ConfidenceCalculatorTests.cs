using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Algorithm;

public class ConfidenceCalculatorTests
{
    private static readonly PartitionOptions O = new();

    [Theory]
    [InlineData(0.0, 0.9)]
    [InlineData(9.9e-11, 0.9)]
    [InlineData(1e-10, 0.8)]
    [InlineData(9.9e-9, 0.8)]
    [InlineData(1e-8, 0.7)]
    [InlineData(1e-5, 0.6)]
    [InlineData(1e-3, 0.5)]
    [InlineData(0.01, 0.4)]
    [InlineData(0.1, 0.3)]
    [InlineData(0.99, 0.3)]
    [InlineData(1.0, 0.2)]
    [InlineData(50.0, 0.2)]
    public void EvalueBinsAreStrictUpperLimits(double evalue, double expected) =>
        Assert.Equal(expected, ConfidenceCalculator.EvalueBase(O, evalue));

    [Theory]
    [InlineData(95.2, 0.9)]
    [InlineData(50.0, 0.5)]
    [InlineData(0.5, 0.5)]
    [InlineData(5.0, 0.1)]
    [InlineData(1.0, 0.9)]
    public void HhSearchBaseIsTheProbabilityOnEitherScale(double probability, double expected) =>
        Assert.Equal(expected, ConfidenceCalculator.Base(O, EvidenceType.HhSearch, 1e-50, probability), 6);

    [Fact]
    public void NoScoreGivesTheFloorBase() =>
        Assert.Equal(0.1, ConfidenceCalculator.Base(O, EvidenceType.DomainBlast, null, null));

    [Theory]
    [InlineData(EvidenceType.DomainBlast, 0.6)]
    [InlineData(EvidenceType.HhSearch, 0.57)]
    [InlineData(EvidenceType.ChainBlast, 0.54)]
    [InlineData(EvidenceType.ChainBlastDecomposed, 0.51)]
    [InlineData("other", 0.48)]
    public void TypeFactorsScaleTheBase(string type, double expected) =>
        Assert.Equal(expected, ConfidenceCalculator.Compute(O, type, 1e-4, null, 0.5), 6);

    [Theory]
    [InlineData(0.7, 0.6)]
    [InlineData(0.8, 0.6 + 0.02 + 0.01)]
    [InlineData(1.5, 0.6 + 0.1 + 0.05)]
    [InlineData(0.3, 0.6)]
    [InlineData(0.2, 0.58)]
    [InlineData(0.0, 0.54)]
    public void ReferenceCoverageAdjustsConfidence(double rc, double expected) =>
        Assert.Equal(expected, ConfidenceCalculator.Compute(O, EvidenceType.DomainBlast, 1e-4, null, rc), 6);

    [Fact]
    public void AlignmentCoverageOverridesReferenceCoverageForItsBonus() =>
        Assert.Equal(0.6 + 0.0, ConfidenceCalculator.Compute(O, EvidenceType.DomainBlast, 1e-4, null, 0.5, alignmentCoverage: 0.7), 6);

    [Fact]
    public void ResultIsClamped()
    {
        Assert.Equal(0.95, ConfidenceCalculator.Compute(O, EvidenceType.DomainBlast, 0, null, 1.0));
        Assert.Equal(0.05, ConfidenceCalculator.Compute(O with { NoScoreConfidence = 0.0 }, EvidenceType.DomainBlast, null, null, 0.0));
    }
}
