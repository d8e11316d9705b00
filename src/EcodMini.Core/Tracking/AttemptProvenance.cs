namespace EcodMini.Core.Tracking;

/// <summary>The attempt that produced a job's current result: its run, attempt id and number, and the executor's (SLURM) job id.</summary>
public sealed record AttemptProvenance(string? RunId, long? AttemptId, int? AttemptNumber, string? ExecutorJobId, string? Launcher);
