namespace EcodMini.Core.Tracking;

/// <summary>Where a group of attempts runs: the run, the launcher's name, the chunk and the chunk's result file.</summary>
public sealed record AttemptLaunch(string RunId, string Launcher, string ChunkId, string ResultsPath);
