namespace EcodMini.Core.Tracking;

/// <summary>The job states stored in <c>jobs.status</c> (the design's values).</summary>
public static class JobStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    /// <summary>Accepted by a cluster scheduler, not yet seen running.</summary>
    public const string Submitted = "submitted";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Cancelled = "cancelled";
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } = [Pending, Submitted, Running, Completed, Failed, Timeout, Cancelled, Unknown];

    /// <summary>States from which a resubmission counts as a retry (bumps retry_count).</summary>
    public static bool IsRetryable(string status) => status is Failed or Timeout or Cancelled;

    /// <summary>An attempt is under way (submitted to a scheduler or running).</summary>
    public static bool IsActive(string status) => status is Submitted or Running;

    public static bool IsFinished(string status) => status is Completed or Failed or Timeout or Cancelled;
}
