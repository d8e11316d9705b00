using EcodMini.Core.Monitoring.Alerts;

namespace EcodMini.Core.Monitoring;

/// <summary>What a <see cref="ProductionMonitor"/> grades, judges and measures. Immutable: change with <c>with</c>.</summary>
public sealed record MonitorOptions
{
    public QualityThresholds Quality { get; init; } = QualityThresholds.Default;
    public AlertThresholds Alerts { get; init; } = AlertThresholds.Default;
    /// <summary>Folders whose file systems receive outputs (free space is watched); missing ones are measured at their parent.</summary>
    public IReadOnlyList<string> OutputPaths { get; init; } = [];
    /// <summary>The pace (and ETA) is measured over this window, cut to the current run's age.</summary>
    public TimeSpan ThroughputWindow { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>How many recent completions and failures a dashboard snapshot lists.</summary>
    public int RecentCount { get; init; } = 5;
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
