namespace EcodMini.Core.Tracking;

/// <summary>Another live run owns the tracking database; <see cref="Owner"/> names it.</summary>
public sealed class TrackerLeaseHeldException(string path, TrackerLease owner)
    : TrackingDatabaseException(path, TrackingProblem.LeaseHeld,
        $"{path}: the tracking database is in use by {owner.Describe()}; wait for that run to end, or let this run wait for it")
{
    public TrackerLease Owner { get; } = owner;
}
