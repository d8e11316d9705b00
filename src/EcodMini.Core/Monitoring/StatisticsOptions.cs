namespace EcodMini.Core.Monitoring;

/// <summary>What a statistics snapshot grades and over which window it measures the pace.</summary>
public sealed record StatisticsOptions
{
    public QualityThresholds Thresholds { get; init; } = QualityThresholds.Default;
    /// <summary>The pace is measured over this window, cut to the current run's age when the run is younger.</summary>
    public TimeSpan ThroughputWindow { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>How many of the latest completions and failures the snapshot lists.</summary>
    public int RecentCount { get; init; } = 10;
    /// <summary>The snapshot's time (null: now); tests and replays pass their own.</summary>
    public DateTimeOffset? Now { get; init; }

    public static StatisticsOptions Default { get; } = new();
}
