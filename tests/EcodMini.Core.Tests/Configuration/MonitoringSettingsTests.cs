using EcodMini.Core.Configuration;

namespace EcodMini.Core.Tests.Configuration;

public class MonitoringSettingsTests
{
    [Fact]
    public void TheMonitoringSectionSetsAlertLimitsAndTheRefresh()
    {
        var config = ConfigurationParser.Parse("""
            monitoring:
              max_failure_rate: 0.05
              min_throughput_per_hour: 250
              max_heartbeat_age: 120
              refresh_interval: 2
            """);
        var limits = config.Monitoring.ToAlertThresholds();
        Assert.Equal((0.05, 250.0, TimeSpan.FromMinutes(2)), (limits.MaxFailureRate, limits.MinThroughputPerHour, limits.MaxHeartbeatAge));
        Assert.Equal(0.30, limits.MaxPoorFraction); // absent: the design's default
        Assert.Equal(2, config.Monitoring.RefreshInterval);
    }

    [Fact]
    public void BadValuesAndUnknownKeysAreReportedWithTheirKey()
    {
        var ex = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse("""
            monitoring:
              max_failure_rate: 2
              refresh_interval: 0
              max_failure: 0.1
            """));
        Assert.Contains(ex.Errors, e => e.Contains("MaxFailureRate", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("monitoring.refresh_interval", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("max_failure", StringComparison.Ordinal) && e.Contains("monitoring", StringComparison.Ordinal));
    }

    [Fact]
    public void TheTemplateParsesToTheDefaults() =>
        Assert.Equal(new MonitoringSettings(), ConfigurationParser.Parse(ConfigurationTemplate.Text).Monitoring);
}
