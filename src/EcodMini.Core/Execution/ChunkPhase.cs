namespace EcodMini.Core.Execution;

/// <summary>Where a launched chunk is, as its launcher sees it.</summary>
public enum ChunkPhase
{
    /// <summary>Accepted by the executor, not started (a queued cluster job).</summary>
    Queued,
    Running,
    /// <summary>The worker ended normally: its result file is complete.</summary>
    Finished,
    /// <summary>The worker ended abnormally (crash, non-zero exit, out of memory): chains without a record failed.</summary>
    Failed,
    /// <summary>The worker was stopped (Ctrl+C, scancel): chains without a record go back to pending.</summary>
    Cancelled,
    /// <summary>The executor's time limit stopped the worker: chains without a record time out.</summary>
    TimedOut,
    /// <summary>The launcher does not know the job (an earlier process's thread, a purged cluster record): chains without a record are requeued.</summary>
    Lost,
    /// <summary>
    /// The tracker started the chunk's attempts but holds no executor job for it and none was found by name: the run
    /// that dispatched it ended (or its launch failed) before the launch. Its chains are requeued, not counted lost.
    /// </summary>
    NotLaunched,
}
