namespace EcodMini.Core.Monitoring;

/// <summary>
/// How a completed chain is graded: good when coverage &gt;= Good and its mean domain confidence &gt;= MinConfidence;
/// questionable when coverage &gt;= Questionable (a good-coverage chain whose mean confidence is below MinConfidence
/// is questionable too); poor below Questionable. An unknown confidence (older records) does not lower the grade.
/// </summary>
public sealed record QualityThresholds
{
    public double Good { get; init; } = 0.8;
    public double Questionable { get; init; } = 0.5;
    /// <summary>The mean domain confidence (0-1) a chain needs to be graded good (quality.min_confidence).</summary>
    public double MinConfidence { get; init; } = 0.6;

    public static QualityThresholds Default { get; } = new();

    /// <param name="coverage">Share of residues in domains.</param>
    /// <param name="meanConfidence">Mean of the domains' confidences; null when unknown.</param>
    public string Grade(double coverage, double? meanConfidence = null) =>
        coverage < Questionable ? "poor"
        : coverage >= Good && !(meanConfidence < MinConfidence) ? "good"
        : "questionable";
}
