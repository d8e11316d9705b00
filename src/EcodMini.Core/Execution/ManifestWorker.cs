using EcodMini.Core.Inputs;
using EcodMini.Core.Pipeline;
using EcodMini.Core.Slurm;

namespace EcodMini.Core.Execution;

/// <summary>
/// The cluster worker's entry (<c>Invoke-EcodPartition -ManifestPath</c>): resolves an array manifest to this
/// task's chunk by SLURM_ARRAY_TASK_ID, loads the chunk's reference data, and runs <see cref="ChunkWorker"/> with
/// durable writes (each output file and each result record is fsynced before it counts). Never opens the tracking
/// database. Two tokens: <paramref name="stopAfterChain"/> (time-limit warning) lets the chain in hand finish and
/// record; <paramref name="cancellationToken"/> (Ctrl+C) abandons it. Throws <see cref="InvalidDataException"/> or
/// <see cref="InputFileException"/> when the manifest or its reference data cannot be used.
/// </summary>
public static class ManifestWorker
{
    /// <summary>The chunk manifest a worker given <paramref name="path"/> runs (itself, or its array task's chunk).</summary>
    public static string ResolveChunk(string path, string? arrayTaskId)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: manifest not found", path);
        try
        {
            return ArrayManifest.TryRead(path, out var array) ? array.ChunkFor(path, arrayTaskId) : path;
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid manifest ({ex.Message})", ex);
        }
    }

    public static ChunkRunSummary Run(string path, string? arrayTaskId, CancellationToken stopAfterChain,
        CancellationToken cancellationToken, Action<TaskResultRecord>? onRecord = null)
    {
        var chunkPath = ResolveChunk(path, arrayTaskId);
        ChunkManifest manifest;
        try { manifest = ChunkManifest.Read(chunkPath); }
        catch (System.Text.Json.JsonException ex) { throw new InvalidDataException($"{chunkPath}: not a valid chunk manifest ({ex.Message})", ex); }
        if (manifest.ReferenceDirectory is null) throw new InvalidDataException($"{chunkPath}: the chunk manifest names no reference_dir");
        var reference = ReferenceData.Load(manifest.ReferenceDirectory, cancellationToken);
        var runner = new ChainPartitionRunner(reference, manifest.Options ?? new Algorithm.PartitionOptions(), manifest.Format, durableOutputs: true);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(stopAfterChain, cancellationToken);
        // ChunkWorker stops between chains when its token trips; the chain in hand only sees the hard token.
        return ChunkWorker.Run(chunkPath, (task, _) => runner.Run(ChunkWorker.ToRequest(task), cancellationToken), both.Token, onRecord, durable: true);
    }
}
