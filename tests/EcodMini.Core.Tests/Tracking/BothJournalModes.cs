using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

// The tracker suite runs in both journal modes: WAL (a local disk) and the rollback journal (DELETE, what a network
// file system gets), each chosen by the selector from an injected mount table.
public sealed class TrackingDatabaseTestsInWal() : TrackingDatabaseTests(JournalModeChoice.Wal);
public sealed class TrackingDatabaseTestsInDelete() : TrackingDatabaseTests(JournalModeChoice.Delete);
public sealed class ConcurrentReadTestsInWal() : ConcurrentReadTests(JournalModeChoice.Wal);
public sealed class ConcurrentReadTestsInDelete() : ConcurrentReadTests(JournalModeChoice.Delete);
public sealed class TrackerLeaseTestsInWal() : TrackerLeaseTests(JournalModeChoice.Wal);
public sealed class TrackerLeaseTestsInDelete() : TrackerLeaseTests(JournalModeChoice.Delete);
public sealed class TrackingMigrationTestsInWal() : TrackingMigrationTests(JournalModeChoice.Wal);
public sealed class TrackingMigrationTestsInDelete() : TrackingMigrationTests(JournalModeChoice.Delete);
public sealed class TrackingNamesTestsInWal() : TrackingNamesTests(JournalModeChoice.Wal);
public sealed class TrackingNamesTestsInDelete() : TrackingNamesTests(JournalModeChoice.Delete);
public sealed class LeaseFencingTestsInWal() : LeaseFencingTests(JournalModeChoice.Wal);
public sealed class LeaseFencingTestsInDelete() : LeaseFencingTests(JournalModeChoice.Delete);
