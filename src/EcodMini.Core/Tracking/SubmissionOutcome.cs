namespace EcodMini.Core.Tracking;

/// <summary>What recording a submission decided for one chain.</summary>
public enum SubmissionOutcome
{
    /// <summary>Pending: the run should start an attempt.</summary>
    Queued,
    /// <summary>Completed before; not run again (unless forced).</summary>
    AlreadyCompleted,
    /// <summary>Failed, and its retry delay has not passed: deferred.</summary>
    RetryNotDue,
    /// <summary>Failed as often as the retry policy allows: failed for good (unless forced).</summary>
    RetriesExhausted,
    /// <summary>Failed with a permanent error: not retried (unless forced, after the input is fixed).</summary>
    FailedPermanently,
    /// <summary>Its current attempt is still running (e.g. a cluster job of an earlier run).</summary>
    InProgress,
}
