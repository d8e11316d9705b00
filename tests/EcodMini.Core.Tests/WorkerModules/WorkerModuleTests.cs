using EcodMini.Core.Execution;
using EcodMini.Core.Tests.Execution;
using EcodMini.Core.WorkerModules;

namespace EcodMini.Core.Tests.WorkerModules;

public class WorkerModuleTests
{
    private static readonly WorkerModule Pinned = new() { Version = "1.2.0", ManifestPath = "/m/EcodMini/1.2.0/EcodMini.psd1" };

    [Theory]
    [InlineData("1.2.0", true)]
    [InlineData("1.2", true)]
    [InlineData("1.2.0.0", true)]
    [InlineData("1.2.1", false)]
    [InlineData("1.3.0", false)]
    [InlineData("(unknown)", false)]
    public void Versions_compare_by_value(string loaded, bool same)
    {
        Assert.Equal(same, Pinned.MismatchWith(loaded, "/x/EcodMini.psd1") is null);
    }

    [Fact]
    public void The_mismatch_message_names_both_versions_both_paths_and_the_fix()
    {
        var message = Pinned.MismatchWith("1.3.0", "/m/EcodMini/1.3.0/EcodMini.psd1")!;
        Assert.Contains("submitted for EcodMini 1.2.0 (/m/EcodMini/1.2.0/EcodMini.psd1)", message);
        Assert.Contains("loaded EcodMini 1.3.0 (/m/EcodMini/1.3.0/EcodMini.psd1)", message);
        Assert.Contains("submit the chains again as a new run", message);
    }

    [Fact]
    public void A_worker_with_another_version_records_every_chain_failed_and_throws_without_partitioning()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 3);
        var path = temp.File("c.manifest.json");
        new ChunkManifest
        {
            ChunkId = "c", CreatedAt = DateTimeOffset.UtcNow, Tasks = tasks.Select(ExecutionTestData.ToChunkTask).ToList(), WorkerModule = Pinned,
        }.Write(path);

        var ex = Assert.Throws<WorkerModuleMismatchException>(() => WorkerModuleGuard.Ensure(path, "1.3.0", "/m/EcodMini/1.3.0/EcodMini.psd1"));

        Assert.Equal(("1.2.0", "1.3.0"), (ex.Expected.Version, ex.LoadedVersion));
        var records = ResultFileReader.Read(ChunkManifest.ResultsPathFor(path)).Records;
        Assert.Equal(tasks.Select(t => t.ProteinId), records.Select(r => r.ProteinId));
        Assert.All(records, r => Assert.Equal(TaskResultRecord.FailedStatus, r.Status));
        Assert.All(records, r => Assert.Contains("this worker loaded EcodMini 1.3.0", r.Error));
        Assert.All(tasks, t => Assert.False(File.Exists(t.OutputPath)));
    }

    [Fact]
    public void The_pinned_version_and_an_unpinned_manifest_pass_and_write_nothing()
    {
        using var temp = new TempFolder();
        var tasks = ExecutionTestData.Tasks(temp.Path, 2).Select(ExecutionTestData.ToChunkTask).ToList();
        var pinned = temp.File("p.manifest.json");
        var unpinned = temp.File("u.manifest.json");
        new ChunkManifest { ChunkId = "p", CreatedAt = DateTimeOffset.UtcNow, Tasks = tasks, WorkerModule = Pinned }.Write(pinned);
        new ChunkManifest { ChunkId = "u", CreatedAt = DateTimeOffset.UtcNow, Tasks = tasks }.Write(unpinned);

        Assert.Equal(Pinned, WorkerModuleGuard.Ensure(pinned, "1.2.0", "/elsewhere/EcodMini.psd1"));
        Assert.Null(WorkerModuleGuard.Ensure(unpinned, "9.9.9", "/elsewhere/EcodMini.psd1"));
        Assert.False(File.Exists(ChunkManifest.ResultsPathFor(pinned)));
        Assert.False(File.Exists(ChunkManifest.ResultsPathFor(unpinned)));
    }

    [Fact]
    public void The_node_probe_imports_like_the_job_and_reads_the_loaded_version()
    {
        var command = WorkerModuleProbe.Command(["/usr/bin/pwsh"], Pinned);
        Assert.StartsWith("'/usr/bin/pwsh' -NoProfile -NonInteractive -Command '", command);
        Assert.Contains(WorkerModuleImport.Statements(Pinned), command);

        Assert.Null(WorkerModuleProbe.Problem(Pinned, 0, "noise\necodmini-worker-module=1.2.0 /m/EcodMini/1.2.0\n"));
        Assert.Contains("loaded EcodMini 1.1.0", WorkerModuleProbe.Problem(Pinned, 0, "ecodmini-worker-module=1.1.0 /m/EcodMini/1.1.0\n"));
        var missing = WorkerModuleProbe.Problem(Pinned with { ImportByName = true }, 1, "Import-Module: The specified module 'EcodMini' with version '1.2.0' was not loaded\n");
        Assert.Contains("cannot load EcodMini 1.2.0", missing);
        Assert.Contains("was not loaded", missing);
        Assert.Contains("where the nodes' PSModulePath finds it", missing);
    }
}
