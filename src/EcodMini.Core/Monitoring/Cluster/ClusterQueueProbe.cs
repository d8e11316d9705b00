using EcodMini.Core.Processes;
using EcodMini.Core.Slurm;

namespace EcodMini.Core.Monitoring.Cluster;

/// <summary>
/// Asks SLURM (squeue, read-only) how many tasks of the given runs are queued and running, at most once per
/// <paramref name="interval"/>; in between the last view is returned. A failed squeue is a view with an error,
/// never an exception. Not thread-safe (one caller: the dashboard's loop).
/// </summary>
public sealed class ClusterQueueProbe(SlurmClient client, TimeSpan interval, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private ClusterQueueView? _last;

    public ClusterQueueView? Last => _last;

    /// <summary>The view for <paramref name="runIds"/> (no runs: null, nothing is asked).</summary>
    public ClusterQueueView? Poll(IReadOnlyList<string> runIds, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0) return _last = null;
        var now = _clock.GetUtcNow();
        if (_last is { } last && now - last.PolledAt < interval && last.RunIds.SequenceEqual(runIds)) return last;
        try
        {
            int queued = 0, running = 0;
            foreach (var run in runIds)
            {
                foreach (var task in client.QueryQueue(SlurmLaunchOptions.JobNameFor(run), cancellationToken).Tasks)
                {
                    if (task.State is SlurmJobState.Pending or SlurmJobState.Configuring or SlurmJobState.Requeued) queued++;
                    else if (task.State is SlurmJobState.Running or SlurmJobState.Completing) running++;
                }
            }
            return _last = new ClusterQueueView(now, queued, running, runIds);
        }
        catch (Exception ex) when (ex is SlurmCommandException or ProcessStartException)
        {
            return _last = new ClusterQueueView(now, 0, 0, runIds, ex.Message);
        }
    }
}
