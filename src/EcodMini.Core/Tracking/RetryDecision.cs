namespace EcodMini.Core.Tracking;

/// <summary>What <see cref="RetryPolicy.Decide"/> says about a chain.</summary>
public enum RetryDecision
{
    /// <summary>The chain has not failed: the policy does not apply.</summary>
    NotFailed,
    /// <summary>Failed, and may run again now.</summary>
    Retry,
    /// <summary>Failed, but its retry delay has not passed yet (deferred).</summary>
    NotDue,
    /// <summary>Failed as many times as allowed: failed for good.</summary>
    Exhausted,
    /// <summary>Failed with a permanent error (bad or missing input, rejected by the engine): never retried.</summary>
    Permanent,
}
