namespace EcodMini.Core.Execution;

/// <summary>
/// One chunk to start: its id, the manifest the worker reads and the result file it appends to (unique per attempt:
/// a chunk id is never reused, a retried chain goes into a new chunk).
/// </summary>
public sealed record ChunkLaunch(string ChunkId, string ManifestPath, string ResultsPath, int TaskCount);
