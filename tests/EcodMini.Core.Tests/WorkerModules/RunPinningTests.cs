using EcodMini.Core.Execution;
using EcodMini.Core.Tests.Execution;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.WorkerModules;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tests.WorkerModules;

public class RunPinningTests
{
    [Fact]
    public void A_run_records_its_worker_module_on_every_attempt_event_and_chunk_manifest()
    {
        using var temp = new TempFolder();
        var module = new WorkerModule { Version = "1.2.0", ManifestPath = "/m/EcodMini/1.2.0/EcodMini.psd1" };
        var options = ChunkCoordinatorTests.Options(temp, chunk: 5) with { WorkerModule = module, KeepWorkFiles = true };
        var tasks = ExecutionTestData.Tasks(temp.Path, 12);
        using (var db = TrackingTestData.Open(temp.File("t.db")))
        {
            var result = ChunkCoordinatorTests.Run(db, options, new FakePartitioner(), tasks);
            Assert.Equal(12, result.Completed);
            Assert.Contains(db.GetEvents(tasks[0].ProteinId), e => e.Detail?.Contains("EcodMini 1.2.0") == true);
        }

        using var raw = new SqliteConnection($"Data Source={temp.File("t.db")};Pooling=False");
        raw.Open();
        using var query = raw.CreateCommand();
        query.CommandText = "SELECT COUNT(*), COUNT(DISTINCT module_version), MIN(module_version), MIN(module_path) FROM attempts";
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((12L, 1L, "1.2.0", module.ManifestPath), (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));

        var manifests = Directory.GetFiles(Path.Combine(temp.File("work"), ResultFileIngestor.IngestedFolder), "*" + ChunkCoordinator.ManifestSuffix);
        Assert.NotEmpty(manifests);
        Assert.All(manifests, m => Assert.Equal(module, ChunkManifest.Read(m).WorkerModule));
    }
}
