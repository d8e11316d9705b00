namespace EcodMini.Core.Slurm;

/// <summary>
/// Everything a worker job script states. Values are raw here; <see cref="JobScriptWriter"/> validates each one.
/// <see cref="WorkerProgram"/> is the head node's pwsh as absolute path(s) (e.g. dotnet + pwsh.dll), recorded at submission.
/// </summary>
public sealed record JobScriptRequest
{
    public required string JobName { get; init; }
    /// <summary>Null: the cluster's default partition (no directive).</summary>
    public string? Partition { get; init; }
    public required string Time { get; init; }
    public required string Memory { get; init; }
    public int CpusPerTask { get; init; } = 1;
    public required string LogDirectory { get; init; }

    /// <summary>The job's <c>--chdir</c>: one folder per submission, which also identifies the job when reconciling by name.</summary>
    public required string WorkingDirectory { get; init; }
    public required IReadOnlyList<string> WorkerProgram { get; init; }
    /// <summary>The module the run pinned: the job imports exactly it (<see cref="WorkerModules.WorkerModuleImport"/>).</summary>
    public required WorkerModules.WorkerModule Module { get; init; }
    public required string ManifestPath { get; init; }
    public string? EnvSetupScript { get; init; }

    /// <summary>The variables the job gets (<c>--export=</c> value: names separated by ','); null: no directive.</summary>
    public string? Export { get; init; }

    /// <summary>Array tasks <c>0..ArrayCount-1</c>; null for a single (per-protein) job.</summary>
    public int? ArrayCount { get; init; }

    /// <summary>Array tasks running at once (<c>%N</c>), from slurm.max_concurrent_jobs.</summary>
    public int MaxConcurrent { get; init; } = 50;

    /// <summary>Seconds before the time limit at which the worker is warned (SIGUSR1) to finish its current chain and exit.</summary>
    public int WarningSeconds { get; init; } = 120;
}
