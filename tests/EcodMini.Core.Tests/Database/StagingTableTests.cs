using EcodMini.Core.Database;
using Npgsql;
using NpgsqlTypes;

namespace EcodMini.Core.Tests.Database;

public sealed class StagingTableTests
{
    private sealed record Row(int Sequence, string Payload);

    [PostgresFact]
    public async Task RowsOfMixedSizesReachTheTargetInTheOrderTheyWereStaged()
    {
        using var db = new PostgresTestDatabase(initialize: false);
        db.Execute("CREATE TABLE staged_target (id serial PRIMARY KEY, sequence integer NOT NULL, payload text)");
        // Rows of mixed sizes leave gaps at page ends; a small row that no longer fits the current page goes into such a
        // gap (the heap's free-space map): a plain INSERT ... SELECT then hands out ids out of the staged order.
        var random = new Random(18);
        var rows = Enumerable.Range(0, 12000).Select(i => new Row(i, new string('x', random.Next(1, 400)))).ToList();
        var stage = new StagingTable<Row>("ecodmini_test_stage", "staged_target",
        [
            new("sequence", "integer", NpgsqlDbType.Integer, r => r.Sequence),
            new("payload", "text", NpgsqlDbType.Text, r => r.Payload),
        ]);

        await using (var connection = db.Open())
        {
            // Batches on one connection, as an import does: the first creates the staging table; the later ones' COPY
            // goes through the free-space map (a table created in the same transaction skips it).
            foreach (var batch in rows.Chunk(3000))
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await stage.CreateAsync(connection, transaction, default);
                Assert.Equal((ulong)batch.Length, await stage.CopyAsync(connection, batch, default));
                Assert.Equal(batch.Length, await stage.InsertIntoTargetAsync(connection, transaction, default));
                await transaction.CommitAsync();
            }
        }

        await using var read = db.Open();
        await using var command = new NpgsqlCommand("SELECT sequence FROM staged_target ORDER BY id", read);
        var order = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) order.Add(reader.GetInt32(0));
        Assert.Equal(Enumerable.Range(0, 12000), order);
    }
}
