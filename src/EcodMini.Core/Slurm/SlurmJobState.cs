namespace EcodMini.Core.Slurm;

/// <summary>A SLURM job state as sacct, squeue and scontrol print it (first word, e.g. "CANCELLED by 123" is Cancelled).</summary>
public enum SlurmJobState
{
    /// <summary>Missing, unrecognised or unparseable: never taken as success.</summary>
    Unknown,
    Pending,
    Configuring,
    Running,
    Completing,
    Suspended,
    Requeued,
    Completed,
    Failed,
    Timeout,
    Cancelled,
    OutOfMemory,
    NodeFail,
    Preempted,
    BootFail,
    Deadline,
}
