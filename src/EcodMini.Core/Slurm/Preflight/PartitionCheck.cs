namespace EcodMini.Core.Slurm.Preflight;

/// <summary>The partition jobs go to (slurm.partition, or the cluster's default) exists and is up.</summary>
public sealed class PartitionCheck : IClusterCheck
{
    public string Name => "partition is up";

    public ClusterCheckResult Run(ClusterCheckContext context, CancellationToken cancellationToken)
    {
        var wanted = context.Launch.Script.Partition;
        var result = context.Client.RunCommand(context.Client.Options.Scontrol, ["show", "partition", "--oneliner"], cancellationToken);
        if (!result.Succeeded)
            return ClusterCheckResult.Fail(Name, result.Describe(), "scontrol must reach slurmctld: check that it runs and that munge works on this host");
        var partitions = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Where(f => f.Length == 2)
                .GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]))
            .Where(p => p.ContainsKey("PartitionName")).ToList();
        var names = string.Join(", ", partitions.Select(p => p["PartitionName"]));
        var chosen = wanted is null
            ? partitions.FirstOrDefault(p => p.GetValueOrDefault("Default") == "YES")
            : partitions.FirstOrDefault(p => wanted.Split(',').Contains(p["PartitionName"]));
        if (chosen is null)
            return ClusterCheckResult.Fail(Name, wanted is null ? $"the cluster has no default partition (partitions: {names})" : $"partition '{wanted}' does not exist (partitions: {names})",
                $"set slurm.partition to one of: {names}");
        var state = chosen.GetValueOrDefault("State", "UNKNOWN");
        return state == "UP"
            ? ClusterCheckResult.Pass(Name, $"partition {chosen["PartitionName"]}{(wanted is null ? " (the cluster's default)" : "")} is UP, MaxTime {chosen.GetValueOrDefault("MaxTime", "?")}")
            : ClusterCheckResult.Fail(Name, $"partition {chosen["PartitionName"]} is {state}", $"ask the cluster's administrators to bring it up, or set slurm.partition to another of: {names}");
    }
}
