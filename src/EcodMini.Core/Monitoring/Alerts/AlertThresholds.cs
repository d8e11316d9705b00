namespace EcodMini.Core.Monitoring.Alerts;

/// <summary>
/// Alert limits; the defaults are the production design's (failure rate above 10%, fewer than 100 proteins an hour,
/// more than 30% poor quality) plus resource and lease limits. Immutable: change with <c>with</c>.
/// </summary>
public sealed record AlertThresholds
{
    /// <summary>Alert when failed / finished exceeds this (0-1).</summary>
    public double MaxFailureRate { get; init; } = 0.10;
    /// <summary>Alert when throughput is below this many proteins per hour and work remains.</summary>
    public double MinThroughputPerHour { get; init; } = 100;
    /// <summary>Alert when poor / completed exceeds this (0-1).</summary>
    public double MaxPoorFraction { get; init; } = 0.30;
    /// <summary>Alert when more jobs than this ended out of memory or out of time.</summary>
    public int MaxResourceEndings { get; init; }
    /// <summary>Alert when an output file system has less free space than this many megabytes.</summary>
    public double MinFreeSpaceMB { get; init; } = 1024;
    /// <summary>Alert when the run's lease heartbeat is older than this.</summary>
    public TimeSpan MaxHeartbeatAge { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Rates (failure, poor quality) are judged only once this many jobs count towards them.</summary>
    public int MinimumSample { get; init; } = 20;
    /// <summary>Throughput is judged only once the run has been going this long (early rates are noise).</summary>
    public TimeSpan ThroughputGrace { get; init; } = TimeSpan.FromMinutes(10);

    public static AlertThresholds Default { get; } = new();

    /// <summary>Checks every limit; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public AlertThresholds Validate()
    {
        Require(MaxFailureRate is >= 0 and <= 1, nameof(MaxFailureRate), "a fraction between 0 and 1");
        Require(MaxPoorFraction is >= 0 and <= 1, nameof(MaxPoorFraction), "a fraction between 0 and 1");
        Require(MinThroughputPerHour >= 0 && double.IsFinite(MinThroughputPerHour), nameof(MinThroughputPerHour), "zero or more");
        Require(MaxResourceEndings >= 0, nameof(MaxResourceEndings), "zero or more");
        Require(MinFreeSpaceMB >= 0 && double.IsFinite(MinFreeSpaceMB), nameof(MinFreeSpaceMB), "zero or more");
        Require(MaxHeartbeatAge > TimeSpan.Zero, nameof(MaxHeartbeatAge), "longer than zero");
        Require(MinimumSample >= 1, nameof(MinimumSample), "at least 1");
        Require(ThroughputGrace >= TimeSpan.Zero, nameof(ThroughputGrace), "zero or longer");
        return this;
    }

    private static void Require(bool ok, string name, string what)
    {
        if (!ok) throw new ArgumentException($"alert threshold {name} must be {what}");
    }
}
