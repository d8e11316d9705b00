using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;

namespace EcodMini.Core.Tests.Execution;

/// <summary>Tasks and manifests for executor tests (no files needed: the fake partitioner reads none).</summary>
internal static class ExecutionTestData
{
    public static List<ProteinTask> Tasks(string root, int count, string batch = "ecod_batch_001") =>
        Enumerable.Range(0, count).Select(i =>
        {
            var id = $"{i / 100 + 1000}_{i % 100}";
            var dir = Path.Combine(root, batch);
            return new ProteinTask
            {
                ProteinId = id, Pdb = id[..4], Chain = id[5..], BatchName = batch, BatchDirectory = dir,
                SummaryPath = Path.Combine(dir, "domains", $"{id}.develop291.domain_summary.xml"),
                OutputPath = Path.Combine(dir, "mini_domains", $"{id}.mini.domains.xml"),
            };
        }).ToList();

    public static ChunkTask ToChunkTask(ProteinTask t) => new()
    {
        ProteinId = t.ProteinId, BatchName = t.BatchName, SummaryPath = t.SummaryPath, OutputPath = t.OutputPath,
    };

    public static string WriteManifest(string directory, string chunkId, IEnumerable<ProteinTask> tasks)
    {
        var path = Path.Combine(directory, chunkId + ChunkCoordinator.ManifestSuffix);
        new ChunkManifest { ChunkId = chunkId, CreatedAt = DateTimeOffset.UtcNow, Tasks = tasks.Select(ToChunkTask).ToList() }.Write(path);
        return path;
    }
}
