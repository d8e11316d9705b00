using EcodMini.Core.Execution;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Execution;

public class ChunkWorkerTests
{
    [Fact]
    public void WritesOneRecordPerTaskWithMetrics()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 5);
        var manifest = ExecutionTestData.WriteManifest(temp.Path, "c1", tasks);
        var fake = new FakePartitioner { FailIds = [tasks[1].ProteinId] };

        var summary = ChunkWorker.Run(manifest, fake.Run);

        Assert.Equal((4, 1, 0, false), (summary.Completed, summary.Failed, summary.NotRun, summary.Cancelled));
        var records = ResultFileReader.Read(ChunkManifest.ResultsPathFor(manifest)).Records;
        Assert.Equal(tasks.Select(t => t.ProteinId), records.Select(r => r.ProteinId));
        var ok = records[0];
        Assert.Equal(("completed", 2, 0.8, 200, 160, 0.8, 5, 1, "c1"),
            (ok.Status, ok.DomainCount, ok.Coverage, ok.TotalResidues, ok.AssignedResidues, Math.Round(ok.AverageConfidence, 6), ok.EvidenceCount, ok.DiscontinuousDomains, ok.ChunkId));
        Assert.True(ok.PeakMemoryMb > 0);
        Assert.Equal(("failed", "no evidence"), (records[1].Status, records[1].Error));
        Assert.Equal("no_evidence", Assert.Single(records[1].QualityFlags).FlagType);
    }

    [Fact]
    public void AThrowingTaskFailsAloneAndARerunSkipsRecordedTasks()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 4);
        var manifest = ExecutionTestData.WriteManifest(temp.Path, "c1", tasks);
        var calls = 0;
        ChunkWorker.Run(manifest, (t, _) =>
        {
            calls++;
            return t.ProteinId == tasks[2].ProteinId ? throw new IOException("disk gone") : FakePartitioner.Result(t.ProteinId);
        });
        var again = ChunkWorker.Run(manifest, (t, _) => { calls++; return FakePartitioner.Result(t.ProteinId); });

        Assert.Equal(4, calls);
        Assert.Equal(4, again.AlreadyRecorded);
        var records = ResultFileReader.Read(ChunkManifest.ResultsPathFor(manifest)).Records;
        Assert.Equal(4, records.Count);
        Assert.Equal("IOException: disk gone", records[2].Error);
    }

    [Fact]
    public void CancellationStopsBetweenTasks()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 10);
        var manifest = ExecutionTestData.WriteManifest(temp.Path, "c1", tasks);
        using var cts = new CancellationTokenSource();
        var calls = 0;
        var summary = ChunkWorker.Run(manifest, (t, _) => { if (++calls == 3) cts.Cancel(); return FakePartitioner.Result(t.ProteinId); }, cts.Token);
        Assert.Equal((3, 7, true), (summary.Completed, summary.NotRun, summary.Cancelled));
        Assert.Equal(3, ResultFileReader.Read(ChunkManifest.ResultsPathFor(manifest)).Records.Count);
    }

    [Fact]
    public void IngestingTheSameResultFileTwiceChangesNothing()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 20);
        var manifest = ExecutionTestData.WriteManifest(temp.Path, "c1", tasks);
        ChunkWorker.Run(manifest, (t, _) => FakePartitioner.Result(t.ProteinId, success: t.ProteinId != tasks[0].ProteinId));
        File.AppendAllText(ChunkManifest.ResultsPathFor(manifest), "{\"record_id\":\"half");
        using var db = TrackingTestData.Open(temp.File("t.db"));

        var first = ResultFileIngestor.Ingest(db, ChunkManifest.ResultsPathFor(manifest));
        var counts = db.CountByStatus();
        var stats = db.GetStatistics();
        var second = ResultFileIngestor.Ingest(db, ChunkManifest.ResultsPathFor(manifest));

        Assert.Equal((20, 19, 1, 1), (first.Recorded, first.Completed, first.Failed, first.TruncatedLines));
        Assert.Equal((0, 20), (second.Recorded, second.Duplicates));
        Assert.Equal(counts, db.CountByStatus());
        var after = db.GetStatistics();
        Assert.Equal((stats.Completed, stats.Failed, stats.MeanCoverage, stats.Quality), (after.Completed, after.Failed, after.MeanCoverage, after.Quality));
        Assert.Equal(20, db.GetJobs().Count);
        Assert.All(tasks, t => Assert.Single(db.GetResults(t.ProteinId)));
        Assert.Equal(19, db.CountByStatus()[JobStatus.Completed]);
    }
}
