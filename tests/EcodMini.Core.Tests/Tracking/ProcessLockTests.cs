using System.Diagnostics;
using EcodMini.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tests.Tracking;

/// <summary>
/// Opening the tracker again in a process that already has it open (the lease heartbeat does, beside the run's own
/// connection) keeps the locks SQLite holds: closing any descriptor of a file drops all of a process's POSIX locks on
/// it, after which another process closing its connection would take itself for the last one and checkpoint and delete
/// the write-ahead log under the live run (seen as "database disk image is malformed" in the run).
/// </summary>
public class ProcessLockTests
{
    [Fact]
    public void ASecondWriterOpenInTheSameProcessKeepsTheFirstConnectionsLockOnTheFile()
    {
        using var temp = new TempFolder();
        var path = temp.File("t.db");
        using var run = TrackingTestData.Open(path);
        run.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]);
        Assert.Contains(Environment.ProcessId, LockHolders(path));

        using var heartbeat = TrackingTestData.Open(path);
        Assert.Contains(Environment.ProcessId, LockHolders(path));
        run.RecordSubmissions([TrackingTestData.Submission("8ovp_B")]);
        Assert.Equal(2, heartbeat.GetJobs(new JobQuery()).Count);
    }

    [Theory]
    [InlineData(JournalModeChoice.Wal)]
    [InlineData(JournalModeChoice.Delete)]
    public void AWriterLockedOutPastTheBusyTimeoutIsToldWhoHoldsTheLeaseAndWhatEndsTheWait(string journal)
    {
        using var temp = new TempFolder();
        var path = temp.File("t.db");
        using var holder = TrackingTestData.Open(path, journal);
        holder.AcquireLease(TrackingTestData.LiveOwner("frozen-run"), new LeaseOptions());
        using var tracker = TrackingDatabase.Open(path, TrackingTestData.For(journal) with { BusyTimeout = TimeSpan.FromMilliseconds(300) });
        // A process stopped inside a write transaction: it holds SQLite's write lock and never commits.
        using var frozen = new SqliteConnection($"Data Source={path};Pooling=False");
        frozen.Open();
        using var transaction = frozen.BeginTransaction(deferred: false);

        var error = Assert.Throws<TrackingDatabaseException>(() => tracker.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]));
        Assert.Equal(TrackingProblem.Locked, error.Problem);
        Assert.StartsWith($"{path}: the tracking database stayed locked for 1 s by another process", error.Message);
        Assert.Contains("run frozen-run", error.Message);
        Assert.Contains("kill -CONT", error.Message);
    }

    [Fact]
    public void AReaderOnARollbackJournalLockedOutPastTheBusyTimeoutIsToldSoByNameAndAWalReaderIsNotLockedOut()
    {
        using var temp = new TempFolder();
        var nfs = temp.File("nfs.db");
        var local = temp.File("local.db");
        foreach (var (path, journal) in new[] { (nfs, JournalModeChoice.Delete), (local, JournalModeChoice.Wal) })
        {
            using var writer = TrackingTestData.Open(path, journal);
            writer.RecordSubmissions([TrackingTestData.Submission("8ovp_A")]);
        }
        using var nfsReader = TrackingDatabase.Open(nfs, TrackingTestData.For(JournalModeChoice.Delete) with { ReadOnly = true, BusyTimeout = TimeSpan.FromMilliseconds(300) });
        using var localReader = TrackingDatabase.Open(local, TrackingTestData.For(JournalModeChoice.Wal) with { ReadOnly = true, BusyTimeout = TimeSpan.FromMilliseconds(300) });
        // A writer stopped mid-commit holds the exclusive lock: on a rollback journal that shuts readers out, in WAL not.
        using var frozenNfs = Exclusive(nfs);
        using var frozenLocal = Exclusive(local);

        var error = Assert.Throws<TrackingDatabaseException>(() => nfsReader.GetJobs());
        Assert.Equal(TrackingProblem.Locked, error.Problem);
        Assert.StartsWith($"{nfs}: the tracking database stayed locked for 1 s by another process", error.Message);
        Assert.Contains("kill -CONT", error.Message);
        Assert.Equal(TrackingProblem.Locked, Assert.Throws<TrackingDatabaseException>(() => nfsReader.HasRun("r1")).Problem);
        Assert.Equal("8ovp_A", Assert.Single(localReader.GetJobs()).ProteinId);
        Assert.False(localReader.HasRun("r1"));
    }

    /// <summary>A connection holding the database's exclusive lock until disposed.</summary>
    private static SqliteConnection Exclusive(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Process ids holding a POSIX lock on the file (from /proc/locks, matched by inode).</summary>
    private static IReadOnlyList<int> LockHolders(string path)
    {
        var inode = Inode(path);
        return File.ReadLines("/proc/locks")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 5 && f[1] == "POSIX" && f[5].Split(':') is { Length: 3 } id && id[2] == inode)
            .Select(f => int.Parse(f[4]))
            .ToList();
    }

    private static string Inode(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var inode = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return inode;
    }
}
