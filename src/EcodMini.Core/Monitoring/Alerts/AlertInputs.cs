using EcodMini.Core.Monitoring.Resources;

namespace EcodMini.Core.Monitoring.Alerts;

/// <summary>
/// Everything the alert rules judge, read at one moment (<see cref="Now"/>): the statistics snapshot (counts, pace,
/// quality, the run holding the lease) and the free space where outputs go.
/// </summary>
public sealed record AlertInputs
{
    public required ProductionStatistics Statistics { get; init; }
    public IReadOnlyList<DiskSpace> Disks { get; init; } = [];
    public DateTimeOffset Now { get; init; }
}
