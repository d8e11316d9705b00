namespace EcodMini.Core.Slurm;

/// <summary>How <see cref="SlurmClient"/> runs SLURM's commands: program names or paths, timeout per call, retries.</summary>
public sealed record SlurmClientOptions
{
    public string Sbatch { get; init; } = "sbatch";
    public string Squeue { get; init; } = "squeue";
    public string Sacct { get; init; } = "sacct";
    public string Scontrol { get; init; } = "scontrol";
    public string Scancel { get; init; } = "scancel";

    /// <summary>Longest wait for one call before it is killed (and, if transient retries remain, tried again).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Calls per command when failures are transient (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Variables removed from every SLURM command's environment (secrets; sbatch must never see the password).</summary>
    public IReadOnlyList<string> Unset { get; init; } = SlurmJobEnvironment.Unset([new Configuration.DatabaseSettings().PasswordEnv]);

    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaximumDelay { get; init; } = TimeSpan.FromSeconds(30);
}
