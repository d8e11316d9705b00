namespace EcodMini.Core.Tracking;

public static partial class TrackingSchema
{
    /// <summary>
    /// The lease becomes a fence: a generation number that grows with every acquisition (kept in
    /// tracker_lease_generation, so it survives releases), a heartbeat counter the owner's background timer advances,
    /// the owner's boot id and pid namespace (a pid means something only on the same boot of the same machine) and
    /// its monotonic clock at the last beat (comparable only on that same boot). tracker_lease_watch holds, per
    /// observing machine, the heartbeat count it last saw and when by its own monotonic clock: an owner on another
    /// machine is judged gone only when its counter has stood still that long as measured by the observer.
    /// </summary>
    public const string LeaseFencingSql = """
        ALTER TABLE tracker_lease ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE tracker_lease ADD COLUMN heartbeat_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE tracker_lease ADD COLUMN heartbeat_mono_ms INTEGER;
        ALTER TABLE tracker_lease ADD COLUMN boot_id TEXT;
        ALTER TABLE tracker_lease ADD COLUMN pid_namespace TEXT;
        CREATE TABLE tracker_lease_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation INTEGER NOT NULL
        );
        INSERT INTO tracker_lease_generation (id, generation) VALUES (1, 0);
        CREATE TABLE tracker_lease_watch (
            observer TEXT PRIMARY KEY,
            run_id TEXT NOT NULL,
            generation INTEGER NOT NULL,
            heartbeat_count INTEGER NOT NULL,
            seen_mono_ms INTEGER NOT NULL
        );
        """;
}
