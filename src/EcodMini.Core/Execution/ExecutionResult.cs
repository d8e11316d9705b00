using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>The outcome of a local run: one job record per distinct input chain, as the tracker has it now.</summary>
public sealed record ExecutionResult
{
    public required IReadOnlyList<JobRecord> Jobs { get; init; }
    /// <summary>Distinct chains given (duplicates in the input are run once).</summary>
    public int Requested { get; init; }
    /// <summary>Chains run by this call.</summary>
    public int Submitted { get; init; }
    /// <summary>Chains already completed in the tracker (not run again).</summary>
    public int SkippedCompleted { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    /// <summary>Chains not run because the run was cancelled (back to pending in the tracker).</summary>
    public int NotRun { get; init; }
    /// <summary>Records found in result files left by an earlier run and ingested first.</summary>
    public IngestSummary Recovered { get; init; } = IngestSummary.Empty;
    public bool Cancelled { get; init; }
    public TimeSpan Duration { get; init; }
    public required string WorkDirectory { get; init; }
}
