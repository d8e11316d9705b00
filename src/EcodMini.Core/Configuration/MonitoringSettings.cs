using EcodMini.Core.Monitoring.Alerts;

namespace EcodMini.Core.Configuration;

/// <summary>The <c>monitoring:</c> section: alert limits (the production design's by default) and the dashboard's refresh.</summary>
public sealed record MonitoringSettings
{
    public double MaxFailureRate { get; init; } = AlertThresholds.Default.MaxFailureRate;
    public double MinThroughputPerHour { get; init; } = AlertThresholds.Default.MinThroughputPerHour;
    public double MaxPoorFraction { get; init; } = AlertThresholds.Default.MaxPoorFraction;
    public int MaxResourceEndings { get; init; } = AlertThresholds.Default.MaxResourceEndings;
    public double MinFreeSpaceMB { get; init; } = AlertThresholds.Default.MinFreeSpaceMB;
    /// <summary>Seconds.</summary>
    public int MaxHeartbeatAge { get; init; } = (int)AlertThresholds.Default.MaxHeartbeatAge.TotalSeconds;
    public int MinSample { get; init; } = AlertThresholds.Default.MinimumSample;
    /// <summary>Seconds.</summary>
    public int ThroughputGrace { get; init; } = (int)AlertThresholds.Default.ThroughputGrace.TotalSeconds;
    /// <summary>Seconds between dashboard refreshes.</summary>
    public double RefreshInterval { get; init; } = 5;

    public AlertThresholds ToAlertThresholds() => new()
    {
        MaxFailureRate = MaxFailureRate,
        MinThroughputPerHour = MinThroughputPerHour,
        MaxPoorFraction = MaxPoorFraction,
        MaxResourceEndings = MaxResourceEndings,
        MinFreeSpaceMB = MinFreeSpaceMB,
        MaxHeartbeatAge = TimeSpan.FromSeconds(MaxHeartbeatAge),
        MinimumSample = MinSample,
        ThroughputGrace = TimeSpan.FromSeconds(ThroughputGrace),
    };

    /// <summary>Reads the section (absent keys keep <paramref name="d"/>'s values) and checks the ranges, adding each problem to the reader's errors.</summary>
    internal static MonitoringSettings Read(YamlSectionReader m, MonitoringSettings d, List<string> errors)
    {
        var settings = new MonitoringSettings
        {
            MaxFailureRate = m.Double("max_failure_rate", d.MaxFailureRate),
            MinThroughputPerHour = m.Double("min_throughput_per_hour", d.MinThroughputPerHour),
            MaxPoorFraction = m.Double("max_poor_fraction", d.MaxPoorFraction),
            MaxResourceEndings = m.Int("max_resource_endings", d.MaxResourceEndings),
            MinFreeSpaceMB = m.Double("min_free_space_mb", d.MinFreeSpaceMB),
            MaxHeartbeatAge = m.Int("max_heartbeat_age", d.MaxHeartbeatAge),
            MinSample = m.Int("min_sample", d.MinSample),
            ThroughputGrace = m.Int("throughput_grace", d.ThroughputGrace),
            RefreshInterval = m.Double("refresh_interval", d.RefreshInterval),
        };
        m.ReportUnknownKeys();
        try { settings.ToAlertThresholds().Validate(); }
        catch (ArgumentException ex) { errors.Add("monitoring: " + ex.Message); }
        if (settings.RefreshInterval is < 0.2 or > 3600) errors.Add($"monitoring.refresh_interval: expected 0.2-3600 seconds, got {settings.RefreshInterval}");
        return settings;
    }
}
