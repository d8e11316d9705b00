namespace EcodMini.Core.Tracking;

/// <summary>One row of the attempts table with its chain: where and how one start of a chain ran.</summary>
public sealed record AttemptRecord
{
    public long AttemptId { get; init; }
    public long JobRef { get; init; }
    public required string ProteinId { get; init; }
    public required string BatchName { get; init; }
    public int AttemptNumber { get; init; }
    public required string RunId { get; init; }
    /// <summary>The launcher that ran it: <c>local</c> or <c>slurm</c>.</summary>
    public string? Launcher { get; init; }
    public string? ChunkId { get; init; }
    /// <summary>The executor's id: a SLURM job or array task id (<c>123</c>, <c>123_4</c>), or a local worker thread's id.</summary>
    public string? ExecutorJobId { get; init; }
    public string? ResultsPath { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? Detail { get; init; }
}
