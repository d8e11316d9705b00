namespace EcodMini.Core.Costs;

/// <summary>One run's estimate (recorded when it was submitted) against what it used so far.</summary>
public sealed record RunCost
{
    public required string RunId { get; init; }
    public required RunEstimate Estimate { get; init; }
    public DateTimeOffset EstimatedAt { get; init; }
    /// <summary>Attempts of the run that ended.</summary>
    public int ChainsFinished { get; init; }
    /// <summary>First attempt start to last attempt end (null before any ended).</summary>
    public TimeSpan? ActualWallTime { get; init; }
    /// <summary>From sacct: the tasks' elapsed time x cpus per task; without sacct figures, the chains' own processing time x cpus.</summary>
    public double? ActualCoreHours { get; init; }
    /// <summary>"sacct" or "chain timings".</summary>
    public string? ActualSource { get; init; }

    public double? CoreHoursRatio => ActualCoreHours is { } a && Estimate.CoreHours > 0 ? a / Estimate.CoreHours : null;
    public double? WallTimeRatio => ActualWallTime is { } a && Estimate.WallTime > TimeSpan.Zero ? a / Estimate.WallTime : null;
}
