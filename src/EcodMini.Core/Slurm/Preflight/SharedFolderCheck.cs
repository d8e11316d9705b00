namespace EcodMini.Core.Slurm.Preflight;

/// <summary>
/// The folders jobs use (job scripts, logs, the tracker's folder) are writable here and, through the probe job,
/// readable on a compute node (a node-local path such as /tmp on the head node is not the node's /tmp).
/// </summary>
public sealed class SharedFolderCheck(bool fromNode) : IClusterCheck
{
    public string Name => fromNode ? "folders visible from a compute node" : "folders writable here";

    public ClusterCheckResult Run(ClusterCheckContext context, CancellationToken cancellationToken) =>
        fromNode ? FromNode(context, cancellationToken) : Here(context);

    private ClusterCheckResult Here(ClusterCheckContext context)
    {
        var problems = new List<string>();
        foreach (var (setting, path) in context.SharedFolders)
        {
            try
            {
                Directory.CreateDirectory(path);
                var probe = Path.Combine(path, $".ecod-write-{Guid.NewGuid():N}");
                File.WriteAllText(probe, "");
                File.Delete(probe);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{setting} {path}: {ex.Message}");
            }
        }
        return problems.Count == 0
            ? ClusterCheckResult.Pass(Name, string.Join("; ", context.SharedFolders.Select(f => f.Path)))
            : ClusterCheckResult.Fail(Name, string.Join("; ", problems), "create the folder or give this user write access, or point the setting at a writable shared folder");
    }

    private ClusterCheckResult FromNode(ClusterCheckContext context, CancellationToken cancellationToken)
    {
        var probe = context.Probe(cancellationToken);
        if (probe.Problem is not null)
            return probe.StillPending
                ? ClusterCheckResult.Warn(Name, probe.Problem, "run Test-EcodCluster again when the partition has a free slot")
                : ClusterCheckResult.Fail(Name, probe.Problem, "put slurm.job_script_dir and paths.log_dir on a file system the compute nodes mount (the default job_script_dir is a jobs folder beside the tracking database)");
        var missing = context.SharedFolders.Where(f => !probe.FolderVisible.GetValueOrDefault(Path.GetFullPath(f.Path))).ToList();
        return missing.Count == 0
            ? ClusterCheckResult.Pass(Name, $"node {probe.Node} (job {probe.JobId}) read the head node's token in every folder")
            : ClusterCheckResult.Fail(Name, $"node {probe.Node} (job {probe.JobId}) cannot see what this host wrote in: {string.Join(", ", missing.Select(f => $"{f.Setting} {f.Path}"))}",
                "use folders on a file system shared with the compute nodes (not a node-local /tmp): set " + string.Join(", ", missing.Select(f => f.Setting)));
    }
}
