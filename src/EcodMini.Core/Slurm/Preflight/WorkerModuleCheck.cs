namespace EcodMini.Core.Slurm.Preflight;

/// <summary>The worker module imports on a compute node with the run's pwsh, exactly as the job scripts import it, at the run's pinned version.</summary>
public sealed class WorkerModuleCheck : IClusterCheck
{
    public string Name => "worker module on a compute node";

    public ClusterCheckResult Run(ClusterCheckContext context, CancellationToken cancellationToken)
    {
        var probe = context.Probe(cancellationToken);
        var pinned = context.Launch.Script.Module;
        var module = pinned.Describe();
        if (probe.Problem is not null)
            return probe.StillPending
                ? ClusterCheckResult.Warn(Name, probe.Problem, "run Test-EcodCluster again when the partition has a free slot")
                : ClusterCheckResult.Fail(Name, probe.Problem, "see the folder check: the probe could not report");
        if (probe.ModuleVersion is null)
            return ClusterCheckResult.Fail(Name, $"node {probe.Node}: importing {module} failed: {probe.ModuleOutput}",
                "install pwsh and the module where the nodes see them, or set slurm.worker_pwsh and slurm.worker_module to paths valid on the nodes");
        return WorkerModules.WorkerModule.SameVersion(probe.ModuleVersion, pinned.Version)
            ? ClusterCheckResult.Pass(Name, $"node {probe.Node} imported {module}, version {probe.ModuleVersion}")
            : ClusterCheckResult.Fail(Name, $"node {probe.Node} imported version {probe.ModuleVersion} from {module}, the run pinned {pinned.Version}",
                "install the same module version where the nodes see it, or set slurm.worker_module to it");
    }
}
