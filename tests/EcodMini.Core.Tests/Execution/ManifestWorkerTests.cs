using EcodMini.Core.Execution;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tests.Inputs;

namespace EcodMini.Core.Tests.Execution;

public class ManifestWorkerTests
{
    private static string WriteChunk(TempFolder temp, string name, int chains)
    {
        var tasks = Enumerable.Range(0, chains).Select(i => new ChunkTask
        {
            ProteinId = $"8ov{i}_A", BatchName = "b", SummaryPath = EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"),
            BlastPath = EngineTestData.Gfp("8ovp_A.chain.blast.xml"), OutputPath = temp.File($"out/{name}-{i}.xml"),
        }).ToList();
        var path = temp.File(name + ".manifest.json");
        new ChunkManifest { ChunkId = name, ReferenceDirectory = EngineTestData.ReferenceDir, CreatedAt = DateTimeOffset.UtcNow, Tasks = tasks }.Write(path);
        return path;
    }

    [Fact]
    public void A_stop_warning_lets_the_chain_in_hand_record_and_leaves_the_rest_for_a_retry()
    {
        using var temp = new TempFolder();
        var manifest = WriteChunk(temp, "c1", 3);
        using var stop = new CancellationTokenSource();
        var summary = ManifestWorker.Run(manifest, null, stop.Token, CancellationToken.None, _ => stop.Cancel());
        Assert.Equal(1, summary.Completed);
        Assert.Equal(2, summary.NotRun);
        Assert.True(summary.Cancelled);
        Assert.Single(ResultFileReader.Read(summary.ResultsPath).Records);
        Assert.True(File.Exists(temp.File("out/c1-0.xml")));

        var resumed = ManifestWorker.Run(manifest, null, CancellationToken.None, CancellationToken.None);
        Assert.Equal(1, resumed.AlreadyRecorded);
        Assert.Equal(2, resumed.Completed);
    }

    [Fact]
    public void An_array_manifest_runs_the_chunk_of_the_array_task()
    {
        using var temp = new TempFolder();
        var first = WriteChunk(temp, "c0", 1);
        var second = WriteChunk(temp, "c1", 2);
        var array = temp.File("array.json");
        new ArrayManifest { Run = "r", Offset = 100, Chunks = [first, Path.GetFileName(second)] }.Write(array);
        Assert.Equal(second, ManifestWorker.ResolveChunk(array, "1"));
        var summary = ManifestWorker.Run(array, "1", CancellationToken.None, CancellationToken.None);
        Assert.Equal("c1", summary.ChunkId);
        Assert.Equal(2, summary.Completed);
        Assert.False(File.Exists(ChunkManifest.ResultsPathFor(first)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2")]
    [InlineData("x")]
    public void An_array_manifest_without_a_valid_task_id_is_refused_naming_the_file(string? taskId)
    {
        using var temp = new TempFolder();
        var array = temp.File("array.json");
        new ArrayManifest { Run = "r", Chunks = ["a.json", "b.json"] }.Write(array);
        var ex = Assert.Throws<InvalidDataException>(() => ManifestWorker.ResolveChunk(array, taskId));
        Assert.StartsWith(array, ex.Message);
    }

    [Fact]
    public void A_missing_manifest_is_reported_by_path()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => ManifestWorker.ResolveChunk("/nonexistent/x.json", null));
        Assert.Contains("/nonexistent/x.json", ex.Message);
    }
}
