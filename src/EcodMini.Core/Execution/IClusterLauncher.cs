namespace EcodMini.Core.Execution;

/// <summary>
/// A launcher whose jobs outlive the submitting process and can be found again by name (SLURM): a later process polls
/// the jobs of earlier runs, and finds the job of a chunk whose attempts were recorded but whose job id never was
/// (the submitter died between sbatch and recording it), so nothing is submitted twice.
/// </summary>
public interface IClusterLauncher : IChunkLauncher
{
    /// <summary>Since when the cluster's status commands fail (every state is then kept as last known); null while they answer.</summary>
    DateTimeOffset? UnreachableSince { get; }

    /// <summary>Also poll the jobs of these runs (attempts of earlier processes).</summary>
    void Watch(IEnumerable<string> runIds);

    /// <summary>The executor job id running <paramref name="chunkId"/> of run <paramref name="runId"/>, or null when it was never submitted.</summary>
    string? FindLaunched(string runId, string chunkId, string chunkManifestPath, CancellationToken cancellationToken);
}
