namespace EcodMini.Core.Tracking;

/// <summary>
/// Where a group of attempts runs: the run, the launcher's name, the chunk and the chunk's result file. The jobs
/// become <see cref="JobStatus"/> (running; submitted for a cluster, until the job is seen running).
/// </summary>
public sealed record AttemptLaunch(string RunId, string Launcher, string ChunkId, string ResultsPath, string JobStatus = Tracking.JobStatus.Running);
