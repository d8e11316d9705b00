namespace EcodMini.Core.Slurm;

/// <summary>Parses SLURM state text and classifies states. Pure and thread-safe.</summary>
public static class SlurmJobStates
{
    private static readonly Dictionary<string, SlurmJobState> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PENDING"] = SlurmJobState.Pending, ["PD"] = SlurmJobState.Pending,
        ["CONFIGURING"] = SlurmJobState.Configuring, ["CF"] = SlurmJobState.Configuring,
        ["RUNNING"] = SlurmJobState.Running, ["R"] = SlurmJobState.Running,
        ["COMPLETING"] = SlurmJobState.Completing, ["CG"] = SlurmJobState.Completing,
        ["STAGE_OUT"] = SlurmJobState.Completing, ["SIGNALING"] = SlurmJobState.Running, ["RESIZING"] = SlurmJobState.Running,
        ["SUSPENDED"] = SlurmJobState.Suspended, ["S"] = SlurmJobState.Suspended, ["STOPPED"] = SlurmJobState.Suspended,
        ["REQUEUED"] = SlurmJobState.Requeued, ["RQ"] = SlurmJobState.Requeued,
        ["REQUEUE_HOLD"] = SlurmJobState.Requeued, ["REQUEUE_FED"] = SlurmJobState.Requeued,
        ["RESV_DEL_HOLD"] = SlurmJobState.Pending,
        ["COMPLETED"] = SlurmJobState.Completed, ["CD"] = SlurmJobState.Completed,
        ["FAILED"] = SlurmJobState.Failed, ["F"] = SlurmJobState.Failed, ["SPECIAL_EXIT"] = SlurmJobState.Failed,
        ["TIMEOUT"] = SlurmJobState.Timeout, ["TO"] = SlurmJobState.Timeout,
        ["CANCELLED"] = SlurmJobState.Cancelled, ["CA"] = SlurmJobState.Cancelled, ["REVOKED"] = SlurmJobState.Cancelled,
        ["OUT_OF_MEMORY"] = SlurmJobState.OutOfMemory, ["OOM"] = SlurmJobState.OutOfMemory,
        ["NODE_FAIL"] = SlurmJobState.NodeFail, ["NF"] = SlurmJobState.NodeFail,
        ["PREEMPTED"] = SlurmJobState.Preempted, ["PR"] = SlurmJobState.Preempted,
        ["BOOT_FAIL"] = SlurmJobState.BootFail, ["BF"] = SlurmJobState.BootFail,
        ["DEADLINE"] = SlurmJobState.Deadline, ["DL"] = SlurmJobState.Deadline,
    };

    /// <summary>The state named by the first word of <paramref name="text"/> ("CANCELLED by 0" is Cancelled); anything else is Unknown.</summary>
    public static SlurmJobState Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return SlurmJobState.Unknown;
        var word = text.Trim().Split(' ', 2)[0].TrimEnd('+');
        return Names.TryGetValue(word, out var state) ? state : SlurmJobState.Unknown;
    }

    /// <summary>The job will not run again by itself (Unknown is not terminal: it is polled again).</summary>
    public static bool IsTerminal(SlurmJobState state) => state is SlurmJobState.Completed or SlurmJobState.Failed
        or SlurmJobState.Timeout or SlurmJobState.Cancelled or SlurmJobState.OutOfMemory or SlurmJobState.NodeFail
        or SlurmJobState.Preempted or SlurmJobState.BootFail or SlurmJobState.Deadline;

    /// <summary>Queued, starting, running, held or about to run again.</summary>
    public static bool IsActive(SlurmJobState state) => state is SlurmJobState.Pending or SlurmJobState.Configuring
        or SlurmJobState.Running or SlurmJobState.Completing or SlurmJobState.Suspended or SlurmJobState.Requeued;

    /// <summary>The reason a chain with no result record failed when its job ended this way, or null when the state says nothing.</summary>
    public static string? FailureReason(SlurmJobState state) => state switch
    {
        SlurmJobState.Timeout => "SLURM TIMEOUT: the job reached its time limit",
        SlurmJobState.OutOfMemory => "SLURM OUT_OF_MEMORY: the job exceeded its memory limit",
        SlurmJobState.NodeFail => "SLURM NODE_FAIL: the node running the job failed",
        SlurmJobState.Cancelled => "SLURM CANCELLED: the job was cancelled",
        SlurmJobState.Preempted => "SLURM PREEMPTED: the job was preempted",
        SlurmJobState.BootFail => "SLURM BOOT_FAIL: the node failed to boot",
        SlurmJobState.Deadline => "SLURM DEADLINE: the job missed its deadline",
        SlurmJobState.Failed => "SLURM FAILED: the job exited non-zero",
        SlurmJobState.Completed => "the job completed without writing a result for this chain",
        _ => null,
    };
}
