using EcodMini.Core.Model;

namespace EcodMini.Core.JobLogs;

/// <summary>
/// Everything logged about one chain's attempt, in one place: where it ran (SLURM job or array task id, node, exit code,
/// SLURM state; or the local worker), its job's standard output and error (paths and text, plain: no terminal escape
/// codes) and the lines the engine logged for this chain (run log, worker lines naming it), each with a timestamp.
/// </summary>
public sealed record JobLog
{
    public required string ProteinId { get; init; }
    public required string BatchName { get; init; }
    public required string Status { get; init; }
    public ErrorClass? ErrorClass { get; init; }
    public string? Error { get; init; }
    /// <summary>The attempt described (1 = first), or 0 when the chain never started.</summary>
    public int AttemptNumber { get; init; }
    public string? RunId { get; init; }
    public string? ChunkId { get; init; }
    /// <summary><c>slurm</c> or <c>local</c> (null when the chain never started).</summary>
    public string? Executor { get; init; }
    /// <summary>The executor's id for the attempt (SLURM job or array task id, or the local worker's id).</summary>
    public string? JobId { get; init; }
    /// <summary>The SLURM job or array task id (null for local runs).</summary>
    public string? SlurmJobId { get; init; }
    /// <summary>The node SLURM ran it on (null locally, or when SLURM no longer knows the job).</summary>
    public string? Node { get; init; }
    /// <summary>SLURM's exit code of the job (the tracker's for local runs).</summary>
    public int? ExitCode { get; init; }
    /// <summary>SLURM's state text (<c>FAILED</c>, <c>OUT_OF_MEMORY</c>, <c>CANCELLED by 0</c>); null locally.</summary>
    public string? SlurmState { get; init; }
    public string? StdoutPath { get; init; }
    public string? StderrPath { get; init; }
    /// <summary>The job's standard output (the last -Tail lines), or null when there is no file.</summary>
    public string? Stdout { get; init; }
    public string? Stderr { get; init; }
    public string? RunLogPath { get; init; }
    /// <summary>The engine's lines about this chain (the run log's and the worker's), oldest first.</summary>
    public IReadOnlyList<string> EngineLog { get; init; } = [];
    /// <summary>Why a part is missing (no log folder, files already removed, SLURM no longer knows the job).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
