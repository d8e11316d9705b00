namespace EcodMini.Core.Slurm.Preflight;

/// <summary>
/// One preflight check of the cluster (Test-EcodCluster; Submit-EcodJob -Executor Slurm before its first sbatch).
/// Never throws for what it checks: every problem is a result naming the fix. Add a check by implementing this and
/// listing it in <see cref="ClusterPreflight.DefaultChecks"/>.
/// </summary>
public interface IClusterCheck
{
    string Name { get; }

    ClusterCheckResult Run(ClusterCheckContext context, CancellationToken cancellationToken);
}
