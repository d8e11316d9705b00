using System.Collections.Concurrent;
using EcodMini.Core.Database;
using Npgsql;

namespace EcodMini.Core.Tests.Database;

public sealed class ImportReconnectTests
{
    [PostgresFact]
    public async Task AConnectionCutMidImportIsWaitedOutAndEveryChainLandsOnce()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 1500);
        var notes = new ConcurrentQueue<string>();
        var importer = new PartitionImporter(db.Connector, new ImportOptions { BatchSize = 15 }.AllQualities()) { Notify = notes.Enqueue };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var import = Task.Run(() => importer.ImportAsync(candidates, cancellationToken: timeout.Token));
        // Once rows are in, the server ends the importer's session (what a restart does to it: SQLSTATE 57P01).
        var cut = 0L;
        while (!import.IsCompleted && cut == 0)
        {
            if (db.Scalar("SELECT count(*) FROM pdb_analysis.partition_proteins") > 0)
                cut = db.Scalar("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM (SELECT pid FROM pg_stat_activity " +
                                $"WHERE datname = '{db.Name}' AND application_name = 'EcodMini' OFFSET 0) importer");
            else await Task.Delay(10);
        }
        var summary = await import;

        Assert.True(cut > 0, "the importer's session must be ended while it runs");
        Assert.Equal((1500, 1500, 0), (summary.Attempted, summary.Imported, summary.Failed));
        Assert.Equal(1500, db.Scalar("SELECT count(*) FROM pdb_analysis.partition_proteins"));
        Assert.Equal(1500, db.Scalar("SELECT count(DISTINCT (pdb_id, chain_id)) FROM pdb_analysis.partition_proteins"));
        Assert.Contains(notes, n => n.Contains("lost", StringComparison.Ordinal) && n.Contains("reconnecting", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("57P01", true)]   // admin_shutdown: the server is stopping or ended the session
    [InlineData("57P03", true)]   // cannot_connect_now: still starting up
    [InlineData("08006", true)]   // connection_failure
    [InlineData("23505", false)]  // unique_violation: a bad row, not a lost connection
    [InlineData("28P01", false)]  // invalid_password
    public void ServerErrorsAreALostConnectionOnlyWhenTheServerWentAway(string sqlState, bool transient) =>
        Assert.Equal(transient, ConnectionLoss.IsTransient(new PostgresException("message", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void ANetworkDropIsTransientAndAStatementTimeoutIsNot()
    {
        Assert.True(ConnectionLoss.IsTransient(new DatabaseConnectionException("cannot connect", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)))));
        Assert.True(ConnectionLoss.IsTransient(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.False(ConnectionLoss.IsTransient(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
        Assert.Equal([0.5, 1, 2, 4, 8, 8], Enumerable.Range(1, 6).Select(a => ConnectionLoss.Delay(a).TotalSeconds));
    }
}
