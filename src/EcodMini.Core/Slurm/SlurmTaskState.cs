namespace EcodMini.Core.Slurm;

/// <summary>
/// What SLURM reports for one task (sacct, squeue or scontrol alike). Times and exit code are null when the source
/// does not give them. <see cref="StateText"/> keeps SLURM's own words ("CANCELLED by 0") for messages.
/// </summary>
public sealed record SlurmTaskState(
    SlurmTaskId Task,
    SlurmJobState State,
    string StateText,
    SlurmExitCode? ExitCode = null,
    DateTimeOffset? Start = null,
    DateTimeOffset? End = null,
    TimeSpan? Elapsed = null,
    long? MaxRssKilobytes = null,
    string? Reason = null);
