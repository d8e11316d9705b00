namespace EcodMini.Core.Tracking;

/// <summary>
/// Where a group of attempts runs: the run, the launcher's name, the chunk and the chunk's result file. The jobs
/// become <see cref="JobStatus"/> (running; submitted for a cluster, until the job is seen running).
/// </summary>
public sealed record AttemptLaunch(string RunId, string Launcher, string ChunkId, string ResultsPath, string JobStatus = Tracking.JobStatus.Running)
{
    /// <summary>The EcodMini version the run's workers run (attempts.module_version); null: not recorded.</summary>
    public string? ModuleVersion { get; init; }
    /// <summary>The manifest of that module as the head node resolved it (attempts.module_path).</summary>
    public string? ModulePath { get; init; }
}
