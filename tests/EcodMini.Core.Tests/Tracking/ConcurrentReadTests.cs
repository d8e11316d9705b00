using EcodMini.Core.Monitoring;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

/// <summary>
/// Readers on their own connections take statistics while another connection records results. Any reader error, and
/// any snapshot that mixes two states of the database, fails the test (nothing is caught).
/// </summary>
public abstract class ConcurrentReadTests(string journal)
{
    private const int Batches = 40, PerBatch = 100, Readers = 3;
    private static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task StatisticsReadFromOtherConnectionsWhileIngestionWritesAreWholeSnapshots()
    {
        using var temp = new TempFolder();
        var path = temp.File("t.db");
        using (TrackingTestData.Open(path, journal)) { }
        var reads = 0;
        var writerDone = false;
        using var readerFailed = new CancellationTokenSource();

        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(() =>
        {
            try
            {
                var seen = new List<int>();
                using var reader = TrackingTestData.Open(path, journal);
                while (!Volatile.Read(ref writerDone))
                {
                    var stats = reader.GetStatistics();
                    AssertWholeSnapshot(stats);
                    Assert.True(seen.Count == 0 || stats.Completed >= seen[^1], $"counts went back from {seen.LastOrDefault()} to {stats.Completed}");
                    seen.Add(stats.Completed);
                    Interlocked.Increment(ref reads);
                }
                return seen;
            }
            catch
            {
                readerFailed.Cancel(); // stop the writer waiting for reads that will not come; the error still fails the test
                throw;
            }
        })).ToList();

        var writer = Task.Run(() =>
        {
            try
            {
                using var db = TrackingTestData.Open(path, journal);
                for (var b = 0; b < Batches; b++)
                {
                    db.RecordResults(Enumerable.Range(0, PerBatch).Select(i => TrackingTestData.Result($"{b + 1000}_{i}")).ToList());
                    // Let the readers see this state before the next batch (a read or two starts after this commit).
                    var target = Volatile.Read(ref reads) + 2;
                    SpinWait.SpinUntil(() => Volatile.Read(ref reads) >= target || readerFailed.IsCancellationRequested, ReaderWait);
                }
            }
            finally { Volatile.Write(ref writerDone, true); }
        });

        await Task.WhenAll(readers.Append(writer)); // rethrows the first reader or writer error
        var observed = readers.SelectMany(r => r.Result).ToList();
        Assert.Contains(observed, c => c > 0 && c < Batches * PerBatch); // the reads really overlapped the writes

        using var check = TrackingTestData.Open(path, journal);
        var final = check.GetStatistics();
        AssertWholeSnapshot(final);
        Assert.Equal(Batches * PerBatch, final.Completed);
    }

    /// <summary>Figures read by different queries of one statistics call agree, and no batch is seen half-written.</summary>
    private static void AssertWholeSnapshot(ProductionStatistics stats)
    {
        Assert.Equal(0, stats.Completed % PerBatch);
        Assert.Equal(stats.Completed, stats.Total); // every job row is created with its result, in the same transaction
        Assert.Equal(stats.Completed, stats.Quality.Total); // counted by a separate query over results
        Assert.Equal(Math.Min(new StatisticsOptions().RecentCount, stats.Completed), stats.RecentCompletions.Count);
        Assert.Equal(stats.Completed, stats.Batches.Sum(b => b.Completed));
    }
}
