using EcodMini.Core.Configuration;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

/// <summary>Lease settings: the defaults, and the heartbeat at most a quarter of the timeout.</summary>
public class LeaseSettingsTests
{
    [Fact]
    public void DefaultsAreTenMinutesAndThirtySeconds()
    {
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30)), (new LeaseOptions().StaleAfter, new LeaseOptions().HeartbeatInterval));
        var execution = ConfigurationParser.Parse("", "test").Execution;
        Assert.Equal((600, TimeSpan.FromSeconds(30)), (execution.LeaseTimeout, execution.EffectiveHeartbeat));
        Assert.Equal(TimeSpan.FromSeconds(5), ConfigurationParser.Parse("execution:\n  lease_timeout: 20\n", "t").Execution.EffectiveHeartbeat);
    }

    [Theory]
    [InlineData("execution:\n  lease_timeout: 60\n  heartbeat_interval: 16\n")]
    [InlineData("execution:\n  heartbeat_interval: 0\n")]
    public void AHeartbeatAboveAQuarterOfTheTimeoutIsRefused(string yaml)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse(yaml, "test"));
        Assert.Contains("execution.heartbeat_interval", error.Message);
        var options = new LeaseOptions { StaleAfter = TimeSpan.FromSeconds(60), HeartbeatInterval = TimeSpan.FromSeconds(16) };
        Assert.Contains("at most a quarter", Assert.Throws<ArgumentException>(() => options.Validated()).Message);
        Assert.Equal(15, ConfigurationParser.Parse("execution:\n  lease_timeout: 60\n  heartbeat_interval: 15\n", "t").Execution.HeartbeatInterval);
    }
}
