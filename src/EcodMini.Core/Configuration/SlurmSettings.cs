namespace EcodMini.Core.Configuration;

/// <summary>SLURM job settings (used when execution.executor is slurm, or with Submit-EcodJob -Executor Slurm).</summary>
public sealed record SlurmSettings
{
    /// <summary>Null: the cluster's default partition (no --partition).</summary>
    public string? Partition { get; init; }
    public string Time { get; init; } = "1:00:00";
    public string Memory { get; init; } = "4G";
    public int CpusPerTask { get; init; } = 1;
    /// <summary>Array tasks (or per-protein jobs) running at once.</summary>
    public int MaxConcurrentJobs { get; init; } = 50;
    /// <summary>
    /// Job scripts and array manifests, a folder per run; must be visible to the nodes. Null: a <c>jobs</c> folder
    /// beside the tracking database (which the nodes must see anyway); Test-EcodCluster checks it from a node.
    /// </summary>
    public string? JobScriptDir { get; init; }
    /// <summary>
    /// Variables passed to jobs beyond the worker's own (PATH, HOME, locale, .NET, PSModulePath), comma-separated;
    /// jobs never get the rest of the head node's environment, and never the password variable.
    /// </summary>
    public string? ExportVariables { get; init; }
    public string? EnvSetupScript { get; init; }
    /// <summary>pwsh the jobs run; null: the submitting pwsh (absolute path recorded at submission).</summary>
    public string? WorkerPwsh { get; init; }
    /// <summary>EcodMini.psd1 the jobs import; null: the submitting session's module.</summary>
    public string? WorkerModule { get; init; }
    /// <summary>Restart-EcodJob multiplies time (TIMEOUT) or memory (OUT_OF_MEMORY) by this per retry.</summary>
    public double RestartFactor { get; init; } = 2.0;
    /// <summary>Seconds between sbatch calls in per-protein mode (the production design's throttle).</summary>
    public double SubmitDelay { get; init; } = 0.1;
}
