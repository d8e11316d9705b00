using EcodMini.Core.Execution;
using EcodMini.Core.Tests.Scanning;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tests.Execution;

/// <summary>The tracker refuses a write in the middle of a run (a full disk, say): the run must stop its workers,
/// release the lease and leave what the workers wrote for the next run, which then runs every chain exactly once.</summary>
public class ChunkCoordinatorFailureTests
{
    private const string Refusal = "disk full (test trigger)";

    [Fact]
    public void AnIngestFailureMidRunStopsTheWorkersReleasesTheLeaseAndARerunLosesNothing()
    {
        using var temp = new TempFolder();
        var options = ChunkCoordinatorTests.Options(temp, chunk: 10);
        var tasks = ExecutionTestData.Tasks(temp.Path, 200);
        var dbPath = temp.File("t.db");
        using var db = TrackingTestData.Open(dbPath);
        Execute(dbPath, $"""
            CREATE TRIGGER refuse_results BEFORE INSERT ON results
            WHEN (SELECT count(*) FROM results) >= 40
            BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
            """);
        var fake = new FakePartitioner { OnCall = _ => Thread.Sleep(10) }; // workers are mid-chain when the refusal comes

        var error = Assert.Throws<SqliteException>(() => ChunkCoordinatorTests.Run(db, options, fake, tasks));

        Assert.Contains(Refusal, error.Message);
        Assert.Null(db.GetLease());
        var callsWhenStopped = fake.TotalCalls;
        var writtenWhenStopped = ResultBytes(options.WorkDirectory);
        Assert.InRange(callsWhenStopped, 40, 199);
        Thread.Sleep(300); // no worker may still be running, or writing, once Run has returned
        Assert.Equal((callsWhenStopped, writtenWhenStopped), (fake.TotalCalls, ResultBytes(options.WorkDirectory)));
        var counts = db.CountByStatus();
        Assert.Equal(40, counts[JobStatus.Completed]);
        Assert.Equal(200, counts.Values.Sum());

        Execute(dbPath, "DROP TRIGGER refuse_results;");
        var rerun = ChunkCoordinatorTests.Run(db, options, fake, tasks);

        Assert.Equal(200, db.CountByStatus()[JobStatus.Completed]);
        Assert.Equal(200, fake.Calls.Count);
        Assert.All(fake.Calls.Values, n => Assert.Equal(1, n)); // what the stopped run's workers wrote was ingested, not re-run
        Assert.Equal(200 - callsWhenStopped, rerun.Completed);
        Assert.Null(db.GetLease());
        Assert.Empty(Directory.GetFiles(options.WorkDirectory, "*" + ChunkCoordinator.ManifestSuffix + "*"));
    }

    private static long ResultBytes(string work) =>
        Directory.GetFiles(work, "*.results.jsonl", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
