using EcodMini.Core.WorkerModules;

namespace EcodMini.Core.Execution;

/// <summary>
/// The worker's version check, before any chain runs: the chunk manifest names the module its run pinned; a worker
/// that loaded another version records every chain of the chunk as failed with the reason (so the tracker shows it)
/// and throws <see cref="WorkerModuleMismatchException"/> (a permanent error: the job fails, nothing is partitioned).
/// A manifest without a pin (written by an older version) is accepted.
/// </summary>
public static class WorkerModuleGuard
{
    /// <summary>Returns the pinned module (null: none) when <paramref name="loadedVersion"/> matches it.</summary>
    public static WorkerModule? Ensure(string chunkPath, string loadedVersion, string loadedManifestPath)
    {
        var manifest = ChunkManifest.Read(chunkPath);
        if (manifest.WorkerModule is not { } pinned) return null;
        var mismatch = pinned.MismatchWith(loadedVersion, loadedManifestPath);
        if (mismatch is null) return pinned;
        var refusal = new WorkerModuleMismatchException(chunkPath, pinned, loadedVersion, mismatch);
        ChunkWorker.Run(chunkPath, (_, _) => throw refusal, durable: true);
        throw refusal;
    }
}
