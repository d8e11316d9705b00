using EcodMini.Core.Monitoring;

namespace EcodMini.Core.Tracking;

/// <summary>Production statistics over this tracker.</summary>
public sealed partial class TrackingDatabase
{
    public ProductionStatistics GetStatistics(QualityThresholds? thresholds = null, DateTimeOffset? now = null) =>
        ProductionStatisticsCalculator.Compute(this, thresholds, now);
}
