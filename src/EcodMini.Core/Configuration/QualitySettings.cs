using EcodMini.Core.Monitoring;

namespace EcodMini.Core.Configuration;

/// <summary>Quality grading and import filtering.</summary>
public sealed record QualitySettings
{
    /// <summary>Coverage below this is poor (the questionable/low_coverage floor).</summary>
    public double MinCoverage { get; init; } = 0.5;
    /// <summary>Coverage at or above this is good.</summary>
    public double GoodCoverage { get; init; } = 0.8;
    /// <summary>A chain whose mean domain confidence is below this is at best questionable (never good).</summary>
    public double MinConfidence { get; init; } = 0.6;
    public bool RequireReferenceLengths { get; init; } = true;
    /// <summary>good, questionable or all.</summary>
    public string ImportQualityThreshold { get; init; } = "good";

    public QualityThresholds ToThresholds() => new() { Good = GoodCoverage, Questionable = MinCoverage, MinConfidence = MinConfidence };
}
