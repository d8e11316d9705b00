using EcodMini.Core.Configuration;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Tests.Tracking;

namespace EcodMini.Core.Tests.Monitoring;

/// <summary>quality.min_confidence: a chain whose mean domain confidence is below it is at best questionable.</summary>
public class QualityConfidenceTests
{
    [Theory]
    [InlineData(0.9, 0.9, "good")]
    [InlineData(0.9, 0.59, "questionable")]
    [InlineData(0.9, null, "good")]
    [InlineData(0.6, 0.1, "questionable")]
    [InlineData(0.4, 0.9, "poor")]
    [InlineData(0.4, 0.1, "poor")]
    public void GradeTakesCoverageAndMeanConfidence(double coverage, double? confidence, string grade) =>
        Assert.Equal(grade, QualityThresholds.Default.Grade(coverage, confidence));

    [Fact]
    public void TheConfiguredMinimumReachesTheThresholds()
    {
        var q = ConfigurationParser.Parse("quality:\n  min_confidence: 0.95\n").Quality.ToThresholds();
        Assert.Equal(0.95, q.MinConfidence);
        Assert.Equal("questionable", q.Grade(0.9, 0.9));
        Assert.Equal("good", ConfigurationParser.Parse("quality:\n  min_confidence: 0.85\n").Quality.ToThresholds().Grade(0.9, 0.9));
    }

    [Fact]
    public void StatisticsCountAGoodCoverageButUnconfidentChainAsQuestionable()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var ids = new[] { "1abc_A", "2abc_A", "3abc_A", "4abc_A" };
        db.RecordResults([
            TrackingTestData.Result(ids[0], coverage: 0.9, confidence: 0.9),
            TrackingTestData.Result(ids[1], coverage: 0.9, confidence: 0.5),
            TrackingTestData.Result(ids[2], coverage: 0.6, confidence: 0.9),
            TrackingTestData.Result(ids[3], coverage: 0.2, confidence: 0.2),
        ]);

        var byDefault = db.GetStatistics().Quality;
        Assert.Equal((1, 2, 1), (byDefault.Good, byDefault.Questionable, byDefault.Poor));
        var lenient = db.GetStatistics(QualityThresholds.Default with { MinConfidence = 0.4 }).Quality;
        Assert.Equal((2, 1, 1), (lenient.Good, lenient.Questionable, lenient.Poor));
    }
}
