namespace EcodMini.Core.Tracking;

/// <summary>Whether a lease's owner may be taken over, and why (for -Verbose and the run log).</summary>
public sealed record LeaseVerdict(bool MayTake, string Reason)
{
    public static LeaseVerdict Free { get; } = new(true, "the lease is free or already this run's");
    public static LeaseVerdict Gone(string reason) => new(true, reason);
    public static LeaseVerdict Alive(string reason) => new(false, reason);
}
