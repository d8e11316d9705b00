using System.Collections.ObjectModel;

namespace EcodMini.Core.Configuration;

/// <summary>
/// The monitoring: section's snake_case keys and the <see cref="Monitoring.Alerts.AlertThresholds"/> property each
/// sets, so a -Threshold hashtable may use either name (production.yml's or the record's).
/// </summary>
public static class AlertThresholdNames
{
    public static IReadOnlyDictionary<string, string> ByConfigurationKey { get; } = new ReadOnlyDictionary<string, string>(
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["max_failure_rate"] = "MaxFailureRate",
            ["min_throughput_per_hour"] = "MinThroughputPerHour",
            ["max_poor_fraction"] = "MaxPoorFraction",
            ["max_resource_endings"] = "MaxResourceEndings",
            ["min_free_space_mb"] = "MinFreeSpaceMB",
            ["max_heartbeat_age"] = "MaxHeartbeatAge",
            ["min_sample"] = "MinimumSample",
            ["throughput_grace"] = "ThroughputGrace",
        });

    /// <summary>The property name for <paramref name="name"/> (a configuration key, or already a property name).</summary>
    public static string PropertyName(string name) => ByConfigurationKey.TryGetValue(name, out var property) ? property : name;
}
