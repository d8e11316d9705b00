namespace EcodMini.Core.WorkerModules;

/// <summary>
/// A worker loaded another EcodMini version than its run was submitted with: a permanent error (running again in the
/// same job cannot help). The chunk's chains were recorded as failed with <see cref="Exception.Message"/>.
/// </summary>
public sealed class WorkerModuleMismatchException(string chunkPath, WorkerModule expected, string loadedVersion, string message)
    : Exception($"{chunkPath}: {message}")
{
    public string ChunkPath { get; } = chunkPath;
    public WorkerModule Expected { get; } = expected;
    public string LoadedVersion { get; } = loadedVersion;
}
