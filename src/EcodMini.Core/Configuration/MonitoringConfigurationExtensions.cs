using EcodMini.Core.Monitoring;

namespace EcodMini.Core.Configuration;

/// <summary>Turns a loaded configuration into monitoring options.</summary>
public static class MonitoringConfigurationExtensions
{
    /// <summary>
    /// Quality grades and alert limits from the configuration; free space is watched where outputs go: the batch
    /// folders (partition files), the work folder (result files) and the tracking database's folder.
    /// </summary>
    public static MonitorOptions ToMonitorOptions(this LoadedConfiguration loaded, string? trackingDatabasePath = null)
    {
        var c = loaded.Configuration;
        var tracker = trackingDatabasePath ?? loaded.TrackingDatabasePath();
        return new MonitorOptions
        {
            Quality = c.Quality.ToThresholds(),
            Alerts = c.Monitoring.ToAlertThresholds(),
            OutputPaths =
            [
                loaded.ResolvePath(c.Paths.BatchBaseDir),
                loaded.WorkDirectoryPath(),
                Path.GetDirectoryName(Path.GetFullPath(tracker)) ?? tracker,
            ],
        };
    }
}
