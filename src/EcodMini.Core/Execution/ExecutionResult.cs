using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>The outcome of a run: one job record per distinct input chain, as the tracker has it now, and the run's figures.</summary>
public sealed record ExecutionResult
{
    public required IReadOnlyList<JobRecord> Jobs { get; init; }
    /// <summary>The run's id (on its attempts, chunk ids and lease).</summary>
    public required string RunId { get; init; }
    /// <summary>Distinct chains given (duplicates in the input are run once).</summary>
    public int Requested { get; init; }
    /// <summary>Chains this run started an attempt for.</summary>
    public int Submitted { get; init; }
    /// <summary>Chains already completed in the tracker (not run again).</summary>
    public int SkippedCompleted { get; init; }
    /// <summary>Failed chains whose retry delay has not passed (deferred; see RetryPolicy).</summary>
    public int RetryNotDue { get; init; }
    /// <summary>Failed chains that used up their retries (failed for good).</summary>
    public int RetriesExhausted { get; init; }
    /// <summary>Failed chains whose error is permanent (bad or missing input, rejected by the engine): never retried.</summary>
    public int FailedPermanently { get; init; }
    /// <summary>Chains whose attempt of an earlier run is still running (cluster jobs).</summary>
    public int InProgress { get; init; }
    public int Completed { get; init; }
    /// <summary>Failed or timed out in this run.</summary>
    public int Failed { get; init; }
    /// <summary>Chains not run because the run was cancelled or their worker left no result (back to pending).</summary>
    public int NotRun { get; init; }
    /// <summary>Records of earlier runs (killed or still running elsewhere) ingested by this run first.</summary>
    public IngestSummary Recovered { get; init; } = IngestSummary.Empty;
    /// <summary>Everything this run ingested from its own chunks (stale records, torn and malformed lines included).</summary>
    public IngestSummary Ingested { get; init; } = IngestSummary.Empty;
    /// <summary>Result-file problems found ("&lt;file&gt;: &lt;problem&gt;"): torn last lines, malformed lines.</summary>
    public IReadOnlyList<string> ResultFileIssues { get; init; } = [];
    /// <summary>The run whose stale lease this run took over (its running jobs were reconciled), or null.</summary>
    public TrackerLease? TookOverFrom { get; init; }
    /// <summary>Chains left alone because another executor's live run holds them (run id to chain count): never run here.</summary>
    public IReadOnlyDictionary<string, int> HeldByOtherExecutor { get; init; } = new Dictionary<string, int>();
    public bool Cancelled { get; init; }
    public TimeSpan Duration { get; init; }
    public required string WorkDirectory { get; init; }
    /// <summary>The run log written to paths.log_dir, or null when none was written.</summary>
    public string? LogPath { get; init; }
}
