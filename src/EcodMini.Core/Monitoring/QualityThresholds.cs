namespace EcodMini.Core.Monitoring;

/// <summary>
/// How a completed chain's coverage is graded: good when coverage &gt;= Good, questionable (low coverage)
/// when &gt;= Questionable, poor below.
/// </summary>
public sealed record QualityThresholds
{
    public double Good { get; init; } = 0.8;
    public double Questionable { get; init; } = 0.5;

    public static QualityThresholds Default { get; } = new();

    public string Grade(double coverage) => coverage >= Good ? "good" : coverage >= Questionable ? "questionable" : "poor";
}
