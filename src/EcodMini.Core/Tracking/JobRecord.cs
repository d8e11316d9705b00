namespace EcodMini.Core.Tracking;

/// <summary>One row of the jobs table with its current result's headline numbers (the result the row points at).</summary>
public sealed record JobRecord
{
    /// <summary>The jobs table's row id.</summary>
    public long Id { get; init; }
    /// <summary>The executor's job id (SLURM job id, or the local chunk id).</summary>
    public string? JobId { get; init; }
    public required string ProteinId { get; init; }
    public string Pdb { get; init; } = "";
    public string Chain { get; init; } = "";
    public required string BatchName { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset? SubmitTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public int? ExitCode { get; init; }
    public int RetryCount { get; init; }
    public string? ParentJobId { get; init; }
    public int? DomainCount { get; init; }
    public double? Coverage { get; init; }
    public string? OutputPath { get; init; }
    public string? Error { get; init; }
    /// <summary>For a failed, timed-out or cancelled job: Permanent (never retried) or Transient (retried by the policy); null otherwise.</summary>
    public Model.ErrorClass? ErrorClass { get; init; }
    /// <summary>Attempts started so far (the current attempt's number).</summary>
    public int AttemptCount { get; init; }
    /// <summary>The current attempt's id (null before the first attempt).</summary>
    public long? CurrentAttemptId { get; init; }
    /// <summary>The chain's domain summary, as submitted (null for jobs recorded before schema v3).</summary>
    public string? SummaryPath { get; init; }
    public string? BlastPath { get; init; }
}
