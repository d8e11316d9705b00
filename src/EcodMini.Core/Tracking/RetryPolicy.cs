namespace EcodMini.Core.Tracking;

/// <summary>
/// When a failed (timed-out, cancelled) chain may run again: never after a permanent error; at most <see cref="MaxRetries"/> retries after the first
/// attempt, and not before its end + <see cref="RetryDelay"/> x 2^retries so far. The scanner and the tracker both
/// decide with it, so a scan and a submission agree.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Retries allowed after the first attempt; null = no limit.</summary>
    public int? MaxRetries { get; init; }
    /// <summary>The wait after a first failure; doubled per retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.Zero;

    /// <summary>No limit and no delay (what the engine uses when no policy is given).</summary>
    public static RetryPolicy Unlimited { get; } = new();

    /// <summary>The earliest time of the next attempt after a failure that ended at <paramref name="endedAt"/>.</summary>
    public DateTimeOffset? NextAttemptAt(int retryCount, DateTimeOffset? endedAt) =>
        endedAt is null ? null : endedAt.Value + TimeSpan.FromTicks((long)Math.Min(RetryDelay.Ticks * Math.Pow(2, Math.Max(0, retryCount)), TimeSpan.MaxValue.Ticks / 2));

    /// <summary>
    /// The decision for a chain in <paramref name="status"/>. A permanent error (null class: transient) is not retried
    /// while its input is unchanged: only when <paramref name="inputChangedAt"/> (the summary's last write) is later
    /// than the failure does it count as a retry like any other (the operator repaired the input).
    /// </summary>
    public RetryDecision Decide(string status, int retryCount, DateTimeOffset? endedAt, DateTimeOffset now, Model.ErrorClass? errorClass = null,
        DateTimeOffset? inputChangedAt = null)
    {
        if (!JobStatus.IsRetryable(status)) return RetryDecision.NotFailed;
        if (errorClass == Model.ErrorClass.Permanent && !(inputChangedAt > endedAt)) return RetryDecision.Permanent;
        if (MaxRetries is { } max && retryCount >= max) return RetryDecision.Exhausted;
        return NextAttemptAt(retryCount, endedAt) is { } next && now < next ? RetryDecision.NotDue : RetryDecision.Retry;
    }
}
