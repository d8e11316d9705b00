namespace EcodMini.Core.Tracking;

/// <summary>The states stored in <c>attempts.status</c>.</summary>
public static class AttemptStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Cancelled = "cancelled";
    /// <summary>The worker is gone without a result (killed run, unknown to the executor): the chain is requeued.</summary>
    public const string Lost = "lost";
    /// <summary>Started in the tracker but never handed to an executor (its run ended first, or the launch failed): the chain is requeued.</summary>
    public const string NotLaunched = "not_launched";
}
