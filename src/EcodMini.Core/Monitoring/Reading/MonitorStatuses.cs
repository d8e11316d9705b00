using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring.Reading;

/// <summary>How monitoring groups the tracker's job states.</summary>
internal static class MonitorStatuses
{
    /// <summary>SLURM's OUT_OF_MEMORY ending, as a job status.</summary>
    public const string OutOfMemory = "out_of_memory";

    /// <summary>Scheduler endings that mean the job ran out of a resource (SLURM's TIMEOUT and OUT_OF_MEMORY).</summary>
    public static IReadOnlyList<string> ResourceEndings { get; } = [JobStatus.Timeout, OutOfMemory];

    /// <summary>Ended without a usable result.</summary>
    public static IReadOnlyList<string> Failures { get; } = [JobStatus.Failed, JobStatus.Timeout, JobStatus.Cancelled, OutOfMemory];

    public static bool IsFailure(string status) => Failures.Contains(status);
}
