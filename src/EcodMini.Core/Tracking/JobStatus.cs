namespace EcodMini.Core.Tracking;

/// <summary>The job states stored in <c>jobs.status</c> (the design's values).</summary>
public static class JobStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Cancelled = "cancelled";
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } = [Pending, Running, Completed, Failed, Timeout, Cancelled, Unknown];

    /// <summary>States from which a resubmission counts as a retry (bumps retry_count).</summary>
    public static bool IsRetryable(string status) => status is Failed or Timeout or Cancelled;

    public static bool IsFinished(string status) => status is Completed or Failed or Timeout or Cancelled;
}
