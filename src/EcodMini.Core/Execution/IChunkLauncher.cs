namespace EcodMini.Core.Execution;

/// <summary>
/// Starts and watches chunk workers for a <see cref="ChunkCoordinator"/>, over the worker contract: a worker reads
/// its chunk manifest (<see cref="ChunkLaunch.ManifestPath"/>) and appends one result record per chain to
/// <see cref="ChunkLaunch.ResultsPath"/>, flushed per record; it never opens the tracking database. The coordinator
/// records attempts, writes manifests, ingests and archives; a launcher only starts, polls and stops workers.
/// Called from the coordinator's thread only. Implementations: <see cref="ThreadLauncher"/> (threads of this
/// process; workers end with it) and cluster launchers (jobs outlive the submitting process, and are polled again by
/// a later process from the executor job ids the tracker keeps).
/// </summary>
public interface IChunkLauncher : IDisposable
{
    /// <summary>A short name recorded on every attempt ("local", "slurm").</summary>
    string Name { get; }

    /// <summary>
    /// True when workers keep running after the caller stops (cluster jobs): Ctrl+C then stops waiting, not the jobs,
    /// and their attempts stay running in the tracker for a later poll. False (threads): the coordinator stops and
    /// waits for the workers before it releases the database.
    /// </summary>
    bool WorkersOutliveCaller { get; }

    /// <summary>
    /// Starts one worker per chunk and returns the executor's job id of each, in order (ids are unique per launch).
    /// All or nothing: when it throws, no worker of this call runs. In-process workers stop between chains when the
    /// token is cancelled; cluster launchers ignore it once jobs are submitted.
    /// </summary>
    IReadOnlyList<string> Launch(IReadOnlyList<ChunkLaunch> chunks, CancellationToken cancellationToken);

    /// <summary>
    /// The state of each executor job id given, ids launched by an earlier process included (an id the executor does
    /// not know is <see cref="ChunkPhase.Lost"/>). Never throws for an unknown id; a transient executor error keeps the
    /// last known state.
    /// </summary>
    IReadOnlyDictionary<string, ChunkState> Poll(IReadOnlyCollection<string> executorJobIds, CancellationToken cancellationToken);

    /// <summary>Asks the given workers to stop; returns without waiting for them.</summary>
    void Cancel(IReadOnlyCollection<string> executorJobIds);

    /// <summary>
    /// Blocks until a launched worker may have changed state, at most <paramref name="timeout"/>; returns early (never
    /// throws) when the token is cancelled.
    /// </summary>
    void WaitForChange(TimeSpan timeout, CancellationToken cancellationToken);
}
