using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Costs;

/// <summary>
/// After SLURM tasks end: one sacct call per run that has ended tasks without figures, storing each finished task's
/// MaxRSS, Elapsed and TotalCPU. Tasks sacct does not (yet) list as finished are left for a later call.
/// </summary>
public static class ResourceCollector
{
    /// <summary>Returns how many tasks were stored; null when accounting cannot answer.</summary>
    public static int? Collect(TrackingDatabase tracker, SlurmClient client, CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var run in tracker.GetUnmeasuredRuns())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var usage = client.QueryResources(SlurmLaunchOptions.JobNameFor(run.RunId), run.StartedAt, cancellationToken);
            if (usage is null) return null;
            var rows = usage.Where(u => SlurmJobStates.IsTerminal(u.State) && run.Tasks.ContainsKey(u.JobId))
                .Select(u => new TaskResources
                {
                    ExecutorJobId = u.JobId, RunId = run.RunId, ChunkId = run.Tasks[u.JobId].ChunkId, Chains = run.Tasks[u.JobId].Chains,
                    State = u.State.ToString(), MaxRssBytes = u.MaxRssKilobytes * 1024, Elapsed = u.Elapsed, TotalCpu = u.TotalCpu,
                }).ToList();
            tracker.RecordTaskResources(rows);
            stored += rows.Count;
        }
        return stored;
    }
}
