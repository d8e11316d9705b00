using System.Collections.Concurrent;
using EcodMini.Core.Model;
using EcodMini.Core.Execution;

namespace EcodMini.Core.Tests.Execution;

/// <summary>A stand-in for the engine that counts calls per chain; chains listed in FailIds come back unsuccessful.</summary>
internal sealed class FakePartitioner
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private int _total;

    public HashSet<string> FailIds { get; init; } = [];
    public Action<int>? OnCall { get; init; }
    public bool WriteOutput { get; init; }

    public int TotalCalls => Volatile.Read(ref _total);
    public IReadOnlyDictionary<string, int> Calls => _calls;

    public PartitionResult Run(ChunkTask task, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate($"{task.BatchName}/{task.ProteinId}", 1, (_, n) => n + 1);
        var call = Interlocked.Increment(ref _total);
        OnCall?.Invoke(call);
        if (WriteOutput)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(task.OutputPath)!);
            File.WriteAllText(task.OutputPath, "<partition/>");
        }
        return Result(task.ProteinId, !FailIds.Contains(task.ProteinId), task.OutputPath);
    }

    public static PartitionResult Result(string proteinId, bool success = true, string? output = null) => new()
    {
        Protein = ProteinId.Parse(proteinId),
        SequenceLength = 200,
        Coverage = success ? 0.8 : 0,
        Success = success,
        Error = success ? null : "no evidence",
        OutputPath = output,
        Domains = success
            ? [
                new PartitionDomain { Number = 1, Id = $"{proteinId}_001", Range = ResidueRange.Parse("1-60,100-120"), Source = "hhsearch", Confidence = 0.9 },
                new PartitionDomain { Number = 2, Id = $"{proteinId}_002", Range = ResidueRange.Parse("121-200"), Source = "domain_blast", Confidence = 0.7 },
              ]
            : [],
        EvidenceCounts = new Dictionary<string, int> { ["hhsearch"] = 3, ["domain_blast"] = 2 },
        QualityFlags = success ? [] : [new QualityFlag("no_evidence", QualityFlag.Error, "no hits")],
    };
}
