namespace EcodMini.Core.Configuration;

/// <summary>SLURM job settings (used when execution.executor is slurm).</summary>
public sealed record SlurmSettings
{
    public string Partition { get; init; } = "All";
    public string Time { get; init; } = "1:00:00";
    public string Memory { get; init; } = "4G";
    public int CpusPerTask { get; init; } = 1;
    public int MaxConcurrentJobs { get; init; } = 50;
    public string JobScriptDir { get; init; } = "/tmp/pyecod_mini_jobs";
    public string? EnvSetupScript { get; init; }
}
