using EcodMini.Core.Monitoring.Resources;

namespace EcodMini.Core.Monitoring.Alerts;

/// <summary>Everything the alert rules judge, read at one moment (<see cref="Now"/>).</summary>
public sealed record AlertInputs
{
    public required ProductionStatistics Statistics { get; init; }
    /// <summary>Jobs per resource ending (e.g. "timeout", "out_of_memory"); absent = none.</summary>
    public IReadOnlyDictionary<string, int> ResourceEndings { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<DiskSpace> Disks { get; init; } = [];
    /// <summary>The run's lease, or null when no run holds one.</summary>
    public LeaseState? Lease { get; init; }
    public DateTimeOffset Now { get; init; }
}
