using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>A launched chunk the coordinator watches: its files, its executor job id and the attempts it carries.</summary>
internal sealed record ActiveChunk(string ChunkId, string ManifestPath, string ResultsPath, string? ExecutorJobId, IReadOnlyList<OpenAttempt> Attempts)
{
    /// <summary>True for chunks of this run (their outcome counts in the run's figures), false for recovered ones.</summary>
    public bool OwnRun { get; init; } = true;

    public static string ManifestPathFor(string resultsPath) =>
        resultsPath.EndsWith(ChunkManifest.ResultsSuffix, StringComparison.Ordinal) ? resultsPath[..^ChunkManifest.ResultsSuffix.Length] : resultsPath;
}
