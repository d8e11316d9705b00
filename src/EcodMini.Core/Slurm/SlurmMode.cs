namespace EcodMini.Core.Slurm;

/// <summary>How chains become SLURM jobs.</summary>
public enum SlurmMode
{
    /// <summary>Chunks of chains as tasks of job arrays: one sbatch per array (default).</summary>
    Array,
    /// <summary>One job per chain, as the production design describes (throttled submissions, max_concurrent_jobs at once).</summary>
    PerProtein,
}
