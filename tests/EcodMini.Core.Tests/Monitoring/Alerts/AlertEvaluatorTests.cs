using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Monitoring.Resources;
using EcodMini.Core.Tracking;
using static EcodMini.Core.Tests.Monitoring.MonitoringTestData;

namespace EcodMini.Core.Tests.Monitoring.Alerts;

public class AlertEvaluatorTests
{
    private static readonly AlertThresholds Limits = AlertThresholds.Default;
    private static readonly DateTimeOffset Now = T0.AddHours(2);

    private static IReadOnlyList<AlertKind> Kinds(AlertInputs inputs, AlertThresholds? limits = null) =>
        AlertEvaluator.Evaluate(inputs, limits ?? Limits).Select(a => a.Kind).ToList();

    private static AlertInputs Inputs(ProductionStatistics statistics) => new() { Statistics = statistics, Now = Now };

    [Fact]
    public void DefaultsAreTheProductionDesigns()
    {
        Assert.Equal((0.10, 100.0, 0.30), (Limits.MaxFailureRate, Limits.MinThroughputPerHour, Limits.MaxPoorFraction));
        Assert.Equal(0, Limits.MaxResourceEndings);
    }

    [Theory]
    [InlineData(90, 10, false)] // exactly 10%: not above the limit
    [InlineData(89, 11, true)]  // 11%
    public void FailureRateAlertsOnlyAboveTenPercent(int completed, int failed, bool alert)
    {
        var alerts = AlertEvaluator.Evaluate(Inputs(Statistics(completed, failed)), Limits);
        Assert.Equal(alert, alerts.Any(a => a.Kind == AlertKind.HighFailureRate));
        if (alert)
        {
            var a = Assert.Single(alerts, x => x.Kind == AlertKind.HighFailureRate);
            Assert.Equal((0.11, 0.10), (Math.Round(a.Value, 4), a.Threshold));
            Assert.Contains("11.0%", a.Message);
        }
    }

    [Fact]
    public void FailureRateIsNotJudgedOnFewerJobsThanTheMinimumSample()
    {
        Assert.DoesNotContain(AlertKind.HighFailureRate, Kinds(Inputs(Statistics(completed: 10, failed: 9))));
        Assert.Contains(AlertKind.HighFailureRate, Kinds(Inputs(Statistics(completed: 11, failed: 9))));
    }

    [Theory]
    [InlineData(99.9, 10, true)]
    [InlineData(100, 10, false)]
    [InlineData(50, 0, false)] // nothing left: slow is fine
    public void SlowProgressAlertsBelowOneHundredPerHourWhileWorkRemains(double perHour, int pending, bool alert)
    {
        var stats = Statistics(completed: 50, pending: pending, perHour: perHour, firstStart: Now.AddHours(-1));
        Assert.Equal(alert, Kinds(Inputs(stats)).Contains(AlertKind.SlowProgress));
    }

    [Fact]
    public void SlowProgressWaitsForTheGracePeriodAndForAStart()
    {
        Assert.DoesNotContain(AlertKind.SlowProgress, Kinds(Inputs(Statistics(pending: 10, perHour: 1, firstStart: Now.AddMinutes(-9)))));
        Assert.Contains(AlertKind.SlowProgress, Kinds(Inputs(Statistics(pending: 10, perHour: 1, firstStart: Now.AddMinutes(-10)))));
        Assert.DoesNotContain(AlertKind.SlowProgress, Kinds(Inputs(Statistics(pending: 10, perHour: 0, firstStart: null))));
    }

    [Theory]
    [InlineData(70, 30, false)] // exactly 30%
    [InlineData(69, 31, true)]
    public void LowQualityAlertsAboveThirtyPercentPoor(int good, int poor, bool alert)
    {
        var stats = Statistics(completed: good + poor, quality: new QualityDistribution(good, 0, poor));
        Assert.Equal(alert, Kinds(Inputs(stats)).Contains(AlertKind.LowQuality));
    }

    [Fact]
    public void ResourceEndingsAlertAboveTheAllowedCountNamingEachKind()
    {
        Assert.DoesNotContain(AlertKind.ResourceExhausted, Kinds(Inputs(Statistics(completed: 5, counts: new Dictionary<string, int> { ["timeout"] = 0 }))));
        var some = Inputs(Statistics(completed: 5, counts: new Dictionary<string, int> { ["timeout"] = 2, ["out_of_memory"] = 1, ["failed"] = 7 }));
        var alert = Assert.Single(AlertEvaluator.Evaluate(some, Limits), a => a.Kind == AlertKind.ResourceExhausted);
        Assert.Equal(3, alert.Value);
        Assert.Contains("1 OUT_OF_MEMORY, 2 TIMEOUT", alert.Message);
        Assert.DoesNotContain(AlertKind.ResourceExhausted, Kinds(some, Limits with { MaxResourceEndings = 3 }));
    }

    [Fact]
    public void LowDiskSpaceIsCriticalBelowTheLimitAndNamesThePath()
    {
        const long mb = 1024 * 1024;
        var low = Inputs(Statistics()) with { Disks = [new DiskSpace("/scratch/out", 1023 * mb, 100_000 * mb)] };
        var alert = Assert.Single(AlertEvaluator.Evaluate(low, Limits));
        Assert.Equal((AlertKind.LowDiskSpace, AlertSeverity.Critical, "/scratch/out"), (alert.Kind, alert.Severity, alert.Subject));
        Assert.StartsWith("/scratch/out: only 1023 MiB free", alert.Message);
        var enough = Inputs(Statistics()) with { Disks = [new DiskSpace("/scratch/out", 1024 * mb, 100_000 * mb)] };
        Assert.Empty(AlertEvaluator.Evaluate(enough, Limits));
    }

    [Fact]
    public void StaleLeaseIsCriticalOnceTheHeartbeatIsOlderThanTheLimit()
    {
        static TrackerLease Lease(DateTimeOffset heartbeat) => new() { RunId = "run-7", Host = "node1", ProcessId = 4242, HeartbeatAt = heartbeat };
        Assert.Empty(AlertEvaluator.Evaluate(Inputs(Statistics(running: 5, activeRun: Lease(Now.AddMinutes(-5)))), Limits));
        var alert = Assert.Single(AlertEvaluator.Evaluate(Inputs(Statistics(running: 5, activeRun: Lease(Now.AddMinutes(-5).AddSeconds(-1)))), Limits));
        Assert.Equal((AlertKind.StaleLease, AlertSeverity.Critical, "node1"), (alert.Kind, alert.Severity, alert.Subject));
        Assert.Contains("run-7 on node1 (pid 4242) has not renewed its lease for 5m01s", alert.Message);
    }

    [Fact]
    public void CriticalAlertsComeFirst()
    {
        var inputs = Inputs(Statistics(completed: 50, failed: 50, activeRun: new TrackerLease { RunId = "r", Host = "n", HeartbeatAt = Now.AddHours(-1) }));
        Assert.Equal([AlertKind.StaleLease, AlertKind.HighFailureRate], Kinds(inputs));
    }

    [Theory]
    [InlineData("MaxFailureRate")]
    [InlineData("MinimumSample")]
    [InlineData("MaxHeartbeatAge")]
    public void ValidateNamesTheBadLimit(string name)
    {
        var bad = name switch
        {
            "MaxFailureRate" => Limits with { MaxFailureRate = 1.5 },
            "MinimumSample" => Limits with { MinimumSample = 0 },
            _ => Limits with { MaxHeartbeatAge = TimeSpan.Zero },
        };
        Assert.Contains(name, Assert.Throws<ArgumentException>(() => bad.Validate()).Message);
    }
}
