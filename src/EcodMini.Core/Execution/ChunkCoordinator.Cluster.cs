using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>What only cluster launchers need: jobs found again by name, submitted jobs seen starting, cancellation.</summary>
public sealed partial class ChunkCoordinator
{
    private readonly HashSet<string> _seenRunning = new(StringComparer.Ordinal);

    /// <summary>
    /// Earlier runs' chunks: their runs are watched, and a chunk recorded without a job id (its submitter died around
    /// sbatch) gets the id of the job the cluster runs for it, recorded now, instead of being submitted again.
    /// </summary>
    private List<ActiveChunk> Reconcile(List<ActiveChunk> open, CancellationToken cancellationToken)
    {
        if (_launcher is not IClusterLauncher cluster) return open;
        cluster.Watch(open.SelectMany(c => c.Attempts).Select(a => a.RunId).Distinct(StringComparer.Ordinal));
        var reconciled = new List<ActiveChunk>(open.Count);
        foreach (var chunk in open)
        {
            if (chunk.ExecutorJobId is not null || chunk.Attempts[0].ChunkId is null) { reconciled.Add(chunk); continue; }
            var id = cluster.FindLaunched(chunk.Attempts[0].RunId, chunk.ChunkId, chunk.ManifestPath, cancellationToken);
            if (id is null) { reconciled.Add(chunk); continue; }
            _tracker.SetExecutorJobId(chunk.ChunkId, id);
            reconciled.Add(chunk with { ExecutorJobId = id });
        }
        return reconciled;
    }

    /// <summary>A submitted chunk seen running moves its jobs from submitted to running (once).</summary>
    private void NoteRunning(ActiveChunk chunk, ChunkState state)
    {
        if (state.Phase != ChunkPhase.Running || !_launcher.WorkersOutliveCaller || !_seenRunning.Add(chunk.ChunkId)) return;
        _tracker.MarkChunkRunning(chunk.ChunkId);
    }
}
