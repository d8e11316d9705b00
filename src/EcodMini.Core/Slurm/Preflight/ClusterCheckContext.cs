namespace EcodMini.Core.Slurm.Preflight;

/// <summary>
/// What the checks look at: the SLURM client, the run's launch options (partition, folders, worker, --export list),
/// the tracking database's folder, and the node probe (one tiny job, submitted the
/// first time a check asks for it and shared by the checks after).
/// </summary>
public sealed class ClusterCheckContext
{
    private ClusterProbeOutcome? _probe;

    public required SlurmClient Client { get; init; }
    public required SlurmLaunchOptions Launch { get; init; }
    public required string TrackerDirectory { get; init; }
    /// <summary>Longest wait for the probe job (queue time included).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The folders a job reads or writes: name (the setting) and path.</summary>
    public IReadOnlyList<(string Setting, string Path)> SharedFolders =>
    [
        ("slurm.job_script_dir", Launch.ScriptDirectory),
        ("paths.log_dir", Launch.Script.LogDirectory),
        ("paths.tracking_db (its folder)", TrackerDirectory),
    ];

    /// <summary>The probe's outcome, running it on first use.</summary>
    public ClusterProbeOutcome Probe(CancellationToken cancellationToken) => _probe ??= ClusterProbe.Run(this, cancellationToken);
}
