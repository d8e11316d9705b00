namespace EcodMini.Core.Slurm;

/// <summary>
/// What a <see cref="SlurmLauncher"/> submits: the run, the mode, the job script's settings (everything of
/// <see cref="JobScriptRequest"/> but the per-submission values) and where scripts and array manifests go.
/// </summary>
public sealed record SlurmLaunchOptions
{
    /// <summary>The coordinator's run id; jobs are named <c>ecod-&lt;run&gt;</c> so one sacct call polls the run.</summary>
    public required string RunId { get; init; }
    public SlurmMode Mode { get; init; } = SlurmMode.Array;

    /// <summary>Script settings; JobName, WorkingDirectory, ManifestPath and ArrayCount are set per submission.</summary>
    public required JobScriptRequest Script { get; init; }

    /// <summary>Folder (shared with the nodes) for each submission's script and array manifest, under a folder per run.</summary>
    public required string ScriptDirectory { get; init; }

    /// <summary>Pause between sbatch calls in per-protein mode (the production design's 0.1 s throttle).</summary>
    public TimeSpan SubmitDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a job SLURM does not report yet counts as queued (accounting lags behind submission).</summary>
    public TimeSpan ReportingGrace { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Status poll waits: from the initial interval, doubling while nothing changes, to the maximum.</summary>
    public PollSchedule Schedule { get; init; } = new(PollSchedule.DefaultInitial, PollSchedule.DefaultMaximum);

    /// <summary>sbatch's <c>--export=</c> argument: the explicit list of variables jobs get (see <see cref="SlurmJobEnvironment"/>).</summary>
    public string Export { get; init; } = SlurmJobEnvironment.ExportArgument([], []);

    /// <summary>Variables removed from sbatch's own environment (the password variable).</summary>
    public IReadOnlyList<string> UnsetForSbatch { get; init; } = SlurmJobEnvironment.AlwaysSecret;

    public static string JobNameFor(string runId) => "ecod-" + runId;
}
