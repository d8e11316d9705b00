using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

public class ConcurrentReadTests
{
    [Fact]
    public async Task StatisticsCanBeReadFromAnotherConnectionWhileIngestionWrites()
    {
        using var temp = new TempFolder();
        var path = temp.File("t.db");
        using (TrackingTestData.Open(path)) { }
        const int Batches = 40, PerBatch = 100;

        var writer = Task.Run(() =>
        {
            using var db = TrackingTestData.Open(path);
            for (var b = 0; b < Batches; b++)
                db.RecordResults(Enumerable.Range(0, PerBatch).Select(i => TrackingTestData.Result($"{b + 1000}_{i}")).ToList());
        });
        var reads = 0;
        var lastSeen = 0;
        using (var reader = TrackingTestData.Open(path))
        {
            while (!writer.IsCompleted)
            {
                var stats = reader.GetStatistics();
                Assert.True(stats.Completed >= lastSeen, "counts never go backwards");
                Assert.Equal(0, stats.Completed % PerBatch); // a batch is one transaction: never seen half-written
                lastSeen = stats.Completed;
                reads++;
            }
            await writer;
            Assert.Equal(Batches * PerBatch, reader.GetStatistics().Completed);
        }
        Assert.True(reads > 0);
    }
}
