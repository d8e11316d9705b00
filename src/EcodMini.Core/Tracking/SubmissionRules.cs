namespace EcodMini.Core.Tracking;

/// <summary>How <see cref="TrackingDatabase.RecordSubmissions"/> treats chains the tracker already knows.</summary>
public sealed record SubmissionRules
{
    public RetryPolicy Retry { get; init; } = RetryPolicy.Unlimited;
    /// <summary>Queue every chain, completed, deferred or exhausted ones included.</summary>
    public bool Force { get; init; }

    public static SubmissionRules Default { get; } = new();
}
