using EcodMini.Core.Algorithm;

namespace EcodMini.Core.Tests.Algorithm;

public class PartitionOptionsTests
{
    [Fact]
    public void DefaultsMatchTheSpecificationAndValidate()
    {
        var o = new PartitionOptions().Validate();
        Assert.Equal(25, o.MinDomainSize);
        Assert.Equal(0.7, o.NewCoverageThreshold);
        Assert.Equal(0.1, o.OldCoverageThreshold);
        Assert.Equal(5, o.NeighborTolerance);
        Assert.Equal(5, o.SmallOverlapMax);
        Assert.Equal(20, o.MinMappedPositions);
        Assert.True(o.RequireReferenceLengths);
        Assert.True(o.ApplyQualityThresholds);
        Assert.Equal(0.65, o.HhSearchMinConfidence);
        Assert.Equal(0.6, o.HhSearchMinReferenceCoverage);
        Assert.Equal(25, o.HoleFillMaxLength);
    }

    public static TheoryData<PartitionOptions, string> Bad => new()
    {
        { new PartitionOptions { MinDomainSize = 0 }, nameof(PartitionOptions.MinDomainSize) },
        { new PartitionOptions { OldCoverageThreshold = -0.1 }, nameof(PartitionOptions.OldCoverageThreshold) },
        { new PartitionOptions { NeighborTolerance = -1 }, nameof(PartitionOptions.NeighborTolerance) },
        { new PartitionOptions { HhSearchMinConfidence = double.NaN }, nameof(PartitionOptions.HhSearchMinConfidence) },
        { new PartitionOptions { EvalueBinLimits = [1e-3, 1e-5] , EvalueBinConfidences = [0.9, 0.8] }, nameof(PartitionOptions.EvalueBinLimits) },
        { new PartitionOptions { EvalueBinConfidences = [0.9] }, nameof(PartitionOptions.EvalueBinConfidences) },
        { new PartitionOptions { MinConfidence = 0.9, MaxConfidence = 0.5 }, nameof(PartitionOptions.MaxConfidence) },
        { new PartitionOptions { WeakVoteMinConfidence = 1.5 }, nameof(PartitionOptions.WeakVoteMinConfidence) },
        { new PartitionOptions { WeakVoteMinReferenceCoverage = -0.1 }, nameof(PartitionOptions.WeakVoteMinReferenceCoverage) },
        { new PartitionOptions { WeakVoteMinVoters = 0 }, nameof(PartitionOptions.WeakVoteMinVoters) },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void ValidateNamesTheBadProperty(PartitionOptions options, string property) =>
        Assert.Equal(property, Assert.Throws<ArgumentException>(() => options.Validate()).ParamName);

    [Fact]
    public void EveryPropertyIsSettableBySimpleTypeReflection()
    {
        foreach (var p in typeof(PartitionOptions).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                     .Where(p => p.Name != "EqualityContract"))
        {
            Assert.True(p.CanWrite, p.Name);
            Assert.Contains(p.PropertyType, new[] { typeof(int), typeof(double), typeof(bool), typeof(bool?), typeof(double[]) });
        }
    }
}
