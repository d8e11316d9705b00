using System.Collections;
using EcodMini.Core.Configuration;
using EcodMini.Core.Monitoring.Alerts;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// A -Threshold hashtable in the record's names: snake_case keys of production.yml's monitoring: section become their
/// property (min_sample = MinimumSample), and a number for a duration (MaxHeartbeatAge, ThroughputGrace) is seconds,
/// as in production.yml, whichever name was used.
/// </summary>
internal static class ThresholdSettings
{
    public static Hashtable? Normalize(IDictionary? settings)
    {
        if (settings is null) return null;
        var durations = typeof(AlertThresholds).GetProperties().Where(p => p.PropertyType == typeof(TimeSpan)).Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = typeof(AlertThresholds).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var normalized = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in settings)
        {
            var key = entry.Key?.ToString() ?? "";
            var name = AlertThresholdNames.PropertyName(key);
            if (!known.Contains(name))
                throw new ArgumentException($"Unknown alert limit '{key}'. Valid: {string.Join(", ", AlertThresholdNames.ByConfigurationKey.Values)}, " +
                    $"or as in production.yml: {string.Join(", ", AlertThresholdNames.ByConfigurationKey.Keys)}.");
            var value = entry.Value is System.Management.Automation.PSObject ps ? ps.BaseObject : entry.Value;
            if (durations.Contains(name) && value is int or long or double or float or decimal)
                value = TimeSpan.FromSeconds(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
            normalized[name] = value;
        }
        return normalized;
    }
}
