using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>How a <see cref="ChunkCoordinator"/> runs chains, whatever the launcher.</summary>
public sealed record ExecutionOptions
{
    /// <summary>Chunks running at once (threads locally; the array throttle on a cluster).</summary>
    public int ThrottleLimit { get; init; } = Environment.ProcessorCount;
    /// <summary>Chains per chunk (per manifest, per ingestion transaction); small runs use smaller chunks to keep all workers busy.</summary>
    public int ChunkSize { get; init; } = 200;
    /// <summary>Where chunk manifests and result files live; ingested chunks move to its <c>ingested/</c> folder.</summary>
    public required string WorkDirectory { get; init; }
    /// <summary>Where the run log (<c>&lt;run id&gt;.log</c>) is written; null: no run log.</summary>
    public string? LogDirectory { get; init; }
    /// <summary>
    /// False (default): a chunk whose chains all completed has its manifest and result file deleted once ingested;
    /// chunks with failures are kept in <c>ingested/</c>. True: every chunk's files are kept there.
    /// </summary>
    public bool KeepWorkFiles { get; init; }
    /// <summary>Reference data folder for the production partition runner (workers read it from the manifest).</summary>
    public string? ReferenceDirectory { get; init; }
    public OutputFormat Format { get; init; } = OutputFormat.V1;
    public PartitionOptions PartitionOptions { get; init; } = new();
    /// <summary>Which known chains run again: the retry policy, and Force to rerun chosen chains whatever their state.</summary>
    public SubmissionRules Submission { get; init; } = SubmissionRules.Default;
    /// <summary>How the run takes the tracking database's lease (wait or refuse, when a lease is stale).</summary>
    public LeaseOptions Lease { get; init; } = new();
    /// <summary>The longest wait between two polls of the launcher (a local worker's end wakes the coordinator at once).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// False: chunks hold exactly <see cref="ChunkSize"/> chains (cluster arrays); true: small runs use smaller
    /// chunks so every local worker gets some.
    /// </summary>
    public bool ShrinkChunksForSmallRuns { get; init; } = true;
    /// <summary>
    /// When the launcher's workers outlive the caller (a cluster): return once every chunk is launched, leaving the
    /// jobs to a later refresh, instead of waiting for them.
    /// </summary>
    public bool ReturnAfterLaunch { get; init; }
    /// <summary>
    /// The EcodMini module this run's workers run (the submitting session's, or slurm.worker_module): recorded on every
    /// attempt and in every chunk manifest, where the worker checks it. Null: not recorded, not checked.
    /// </summary>
    public WorkerModules.WorkerModule? WorkerModule { get; init; }
}
