namespace EcodMini.Core.Tracking;

/// <summary>Why a tracking database cannot be used (see <see cref="TrackingDatabaseException"/>).</summary>
public enum TrackingProblem
{
    /// <summary>The file cannot be opened or read (missing, unreadable, not SQLite, locked too long).</summary>
    Unavailable,
    /// <summary>The file is an SQLite database with tables, but not a tracking database: it is left untouched.</summary>
    NotATrackingDatabase,
    /// <summary>The schema is older than this module's; a writer must open it once to migrate it.</summary>
    SchemaOutdated,
    /// <summary>The schema is newer than this module's (written by a later version).</summary>
    SchemaTooNew,
    /// <summary>A writer cannot write the file or its folder.</summary>
    ReadOnly,
    /// <summary>Another run owns the database (see <see cref="TrackerLeaseHeldException"/>).</summary>
    LeaseHeld,
    /// <summary>This run's lease was taken over by another run (its heartbeat was judged stale).</summary>
    LeaseLost,
    /// <summary>The file's mount keeps locks local to one client (nfs nolock, local_lock, lustre localflock): writers refuse it.</summary>
    LocksLocalOnly,
    /// <summary>A crashed writer left a journal this reader may not recover; a writing command by the owner recovers it.</summary>
    UnfinishedTransaction,
    /// <summary>Another process held SQLite's write lock past the busy timeout (suspended or hung inside a transaction).</summary>
    Locked,
}
