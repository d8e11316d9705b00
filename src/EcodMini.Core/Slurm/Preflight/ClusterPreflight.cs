using System.Diagnostics;

namespace EcodMini.Core.Slurm.Preflight;

/// <summary>Runs the cluster checks in order, timing each; a check that throws for an unexpected reason becomes a failed result.</summary>
public static class ClusterPreflight
{
    /// <summary>The checks Test-EcodCluster and Submit-EcodJob -Executor Slurm run, in order.</summary>
    public static IReadOnlyList<IClusterCheck> DefaultChecks { get; } =
    [
        new SlurmCommandCheck(SlurmCommandCheck.Command.Sbatch),
        new SlurmCommandCheck(SlurmCommandCheck.Command.Squeue),
        new SlurmCommandCheck(SlurmCommandCheck.Command.Sacct),
        new PartitionCheck(),
        new SharedFolderCheck(fromNode: false),
        new SharedFolderCheck(fromNode: true),
        new WorkerModuleCheck(),
    ];

    public static IReadOnlyList<ClusterCheckResult> Run(ClusterCheckContext context, CancellationToken cancellationToken, IReadOnlyList<IClusterCheck>? checks = null)
    {
        var results = new List<ClusterCheckResult>();
        foreach (var check in checks ?? DefaultChecks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            ClusterCheckResult result;
            try { result = check.Run(context, cancellationToken); }
            catch (Exception ex) when (ex is SlurmCommandException or Processes.ProcessStartException or IOException or UnsafeJobValueException)
            {
                result = ClusterCheckResult.Fail(check.Name, ex.Message, "see the message; run the command it names by hand");
            }
            results.Add(result with { Duration = clock.Elapsed });
        }
        return results;
    }
}
