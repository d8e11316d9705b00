namespace EcodMini.Core.Monitoring;

/// <summary>One batch's share of a statistics snapshot.</summary>
public sealed record BatchStatistics
{
    public required string BatchName { get; init; }
    public int Total { get; init; }
    public int Pending { get; init; }
    public int Running { get; init; }
    public int Completed { get; init; }
    /// <summary>Failed or timed out (cancellations are counted apart, in <see cref="Cancelled"/>).</summary>
    public int Failed { get; init; }
    /// <summary>Stopped by a user (Stop-EcodJob): neither a success nor a failure.</summary>
    public int Cancelled { get; init; }
    /// <summary>Finished (completed or failed) / total, 0-100.</summary>
    public double PercentDone { get; init; }
    /// <summary>Completed / (completed + failed); 0 when nothing finished.</summary>
    public double SuccessRate { get; init; }
    /// <summary>Mean coverage of completed chains (their current result).</summary>
    public double MeanCoverage { get; init; }
    public required QualityDistribution Quality { get; init; }
}
