using EcodMini.Core.Tracking;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tests.Tracking;

public abstract class TrackingMigrationTests(string journal)
{
    [Fact]
    public void EmptyFileIsCreatedAtTheCurrentVersion()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"), journal);
        Assert.Equal(TrackingSchema.CurrentVersion, db.SchemaVersion);
        Assert.Equal(TrackingSchema.CurrentVersion, db.MigrationsApplied);
        Assert.Equal(Enumerable.Range(1, TrackingSchema.CurrentVersion).Select(v => (long)v), Versions(temp.File("t.db")));
    }

    [Fact]
    public async Task TwentyConnectionsOpeningANewTrackerAtOnceAllSucceedAndLeaveOneSchema()
    {
        using var temp = new TempFolder();
        var path = temp.File("race.db");
        using var start = new Barrier(20);
        var opened = Enumerable.Range(0, 20).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            using var db = TrackingTestData.Open(path, journal);
            return (db.SchemaVersion, db.MigrationsApplied);
        }, TaskCreationOptions.LongRunning)).ToArray();
        var results = await Task.WhenAll(opened);
        Assert.All(results, r => Assert.Equal(TrackingSchema.CurrentVersion, r.SchemaVersion));
        Assert.Equal(TrackingSchema.CurrentVersion, results.Sum(r => r.MigrationsApplied)); // one opener migrated, once
        Assert.Equal(Enumerable.Range(1, TrackingSchema.CurrentVersion).Select(v => (long)v), Versions(path));
    }

    [Fact]
    public void DesignSchemaDatabaseIsMigratedAndKeepsItsRows()
    {
        using var temp = new TempFolder();
        var path = temp.File("v1.db");
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var create = raw.CreateCommand();
            create.CommandText = TrackingSchema.Version1Sql + """
                INSERT INTO jobs (job_id, protein_id, pdb_id, chain_id, batch_name, status, submit_time, retry_count)
                VALUES ('12345678', '8ovp_A', '8ovp', 'A', 'ecod_batch_036', 'failed', '2025-10-19 10:00:00', 1);
                INSERT INTO results (job_id, protein_id, domain_count, coverage_fraction) VALUES (1, '8ovp_A', 2, 0.91);
                """;
            create.ExecuteNonQuery();
        }

        using (var db = TrackingTestData.Open(path, journal))
        {
            Assert.Equal(TrackingSchema.CurrentVersion, db.SchemaVersion);
            Assert.Equal(TrackingSchema.CurrentVersion - 1, db.MigrationsApplied);
            var job = Assert.Single(db.GetJobs());
            Assert.Equal(("8ovp_A", "failed", 1, "12345678"), (job.ProteinId, job.Status, job.RetryCount, job.JobId));
            Assert.Equal(new DateTimeOffset(2025, 10, 19, 10, 0, 0, TimeSpan.Zero), job.SubmitTime);
            Assert.Equal(0.91, job.Coverage);

            var resubmitted = Assert.Single(db.RecordSubmissions([TrackingTestData.Submission("8ovp_A", "ecod_batch_036")])).Job;
            Assert.Equal(2, resubmitted.RetryCount);
            Assert.Equal("12345678", resubmitted.ParentJobId);
        }
        Assert.Equal(Enumerable.Range(1, TrackingSchema.CurrentVersion).Select(v => (long)v), Versions(path));
        using var reopened = TrackingTestData.Open(path, journal);
        Assert.Equal(0, reopened.MigrationsApplied);
    }

    [Fact]
    public void AnotherSqliteDatabaseIsRefusedAndLeftUntouched()
    {
        using var temp = new TempFolder();
        var path = temp.File("other.db");
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var create = raw.CreateCommand();
            create.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (12.5);";
            create.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(path);
        var error = Assert.Throws<TrackingDatabaseException>(() => TrackingTestData.Open(path, journal));
        Assert.Equal(TrackingProblem.NotATrackingDatabase, error.Problem);
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(TrackingProblem.NotATrackingDatabase,
            Assert.Throws<TrackingDatabaseException>(() => TrackingDatabase.Open(path, TrackingTestData.For(journal) with { ReadOnly = true })).Problem);
        File.WriteAllText(temp.File("text.db"), "not a database at all, just text that is long enough to have a header");
        Assert.Equal(TrackingProblem.NotATrackingDatabase, Assert.Throws<TrackingDatabaseException>(() => TrackingTestData.Open(temp.File("text.db"), journal)).Problem);
    }

    [Fact]
    public void AReaderSaysAnOlderSchemaNeedsAWriterAndChangesNothing()
    {
        using var temp = new TempFolder();
        var path = temp.File("v1.db");
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var create = raw.CreateCommand();
            create.CommandText = TrackingSchema.Version1Sql;
            create.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(path);
        var error = Assert.Throws<TrackingDatabaseException>(() => TrackingDatabase.Open(path, TrackingTestData.For(journal) with { ReadOnly = true }));
        Assert.Equal(TrackingProblem.SchemaOutdated, error.Problem);
        Assert.Contains($"schema version 1 is older than this module's ({TrackingSchema.CurrentVersion})", error.Message);
        Assert.Contains("writer", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    private static List<long> Versions(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT version FROM schema_version ORDER BY version";
        using var r = cmd.ExecuteReader();
        var list = new List<long>();
        while (r.Read()) list.Add(r.GetInt64(0));
        return list;
    }
}
