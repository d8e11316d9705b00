namespace EcodMini.Core.Slurm.Preflight;

/// <summary>
/// What the probe job reported from a compute node: per folder whether it read the head node's token there, and what
/// importing the worker module printed. <see cref="Problem"/> is set when the probe gave no answer (not submitted,
/// still pending at the timeout, or its report was not readable on the head node).
/// </summary>
public sealed record ClusterProbeOutcome
{
    public string? JobId { get; init; }
    public string? Node { get; init; }
    public IReadOnlyDictionary<string, bool> FolderVisible { get; init; } = new Dictionary<string, bool>();
    /// <summary>The version the node imported, or null.</summary>
    public string? ModuleVersion { get; init; }
    public string ModuleOutput { get; init; } = "";
    public string? Problem { get; init; }
    /// <summary>True when the probe could not run only because the cluster is busy (still pending at the timeout).</summary>
    public bool StillPending { get; init; }
}
