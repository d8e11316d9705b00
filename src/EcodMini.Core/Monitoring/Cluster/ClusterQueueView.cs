namespace EcodMini.Core.Monitoring.Cluster;

/// <summary>
/// What one squeue poll saw of the tracker's SLURM runs: tasks queued (pending) and running, the runs asked about,
/// and when. <see cref="Error"/> says why the poll failed (the counts are then zero).
/// </summary>
public sealed record ClusterQueueView(DateTimeOffset PolledAt, int Queued, int Running, IReadOnlyList<string> RunIds, string? Error = null)
{
    public bool Failed => Error is not null;
}
