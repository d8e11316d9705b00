using EcodMini.Core.Algorithm;
using EcodMini.Core.Evaluation;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;
using EcodMini.Synthetic;
using Xunit.Abstractions;

namespace EcodMini.Core.Tests.Accuracy;

/// <summary>
/// Accuracy regression floor: the engine on a fixed generated set (both summary formats) against its truth.
/// Floors are set from the measured values (see <see cref="Floors"/>), never below the 0.80.
/// </summary>
public sealed class AccuracyFloorTests(ITestOutputHelper output, AccuracyFloorTests.GeneratedSet set) : IClassFixture<AccuracyFloorTests.GeneratedSet>
{
    /// <summary>Measured on seed 20261129, 600 chains: count 1.000 / boundary 0.983 / t-group 1.000, legacy and v1 alike.</summary>
    private static class Floors
    {
        public const double DomainCount = 0.97;
        public const double Boundary = 0.96;
        public const double TGroup = 0.97;
    }

    public sealed class GeneratedSet : IDisposable
    {
        private readonly TempFolder _folder = new();

        public GeneratedSet()
        {
            Info = SyntheticBatchGenerator.Generate(_folder.Sub("set"),
                new SyntheticBatchOptions { ProteinCount = 600, Seed = 20261129, BatchCount = 2, Format = SummaryFormat.Both });
            Reference = ReferenceData.Load(Info.ReferenceDirectory);
        }

        public SyntheticBatchInfo Info { get; }
        public ReferenceData Reference { get; }

        public void Dispose() => _folder.Dispose();
    }

    private readonly GeneratedSet _set = set;

    [Theory]
    [InlineData(BatchLayout.DomainsFolder)]
    [InlineData("domains_v1")]
    public void EngineStaysAboveTheMeasuredAccuracyFloor(string summaryFolder)
    {
        var runner = new ChainPartitionRunner(_set.Reference, new PartitionOptions());
        var results = _set.Info.BatchDirectories
            .SelectMany(b => Directory.EnumerateFiles(Path.Combine(b, summaryFolder), "*" + BatchLayout.SummarySuffix))
            .AsParallel()
            .Select(summary =>
            {
                BatchLayout.TryGetProteinId(summary, out var id);
                var blast = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(summary))!, BatchLayout.BlastFolder, BatchLayout.BlastFileName(id));
                return runner.Run(new PartitionRequest(summary, File.Exists(blast) ? blast : null));
            })
            .ToList();

        Assert.All(results, r => Assert.True(r.Success, r.Error));
        var summaryOfRun = new PartitionComparer().Compare(PredictedSet.FromResults(results), ReferenceSet.Load(_set.Info.TruthPath)).Summary;
        output.WriteLine($"{summaryFolder}: count {summaryOfRun.DomainCountAccuracy:F3}, boundary {summaryOfRun.BoundaryAccuracy:F3}, t-group {summaryOfRun.TGroupAccuracy:F3}");

        Assert.Equal(600, summaryOfRun.Chains);
        Assert.True(summaryOfRun.DomainCountAccuracy >= Floors.DomainCount, $"domain-count accuracy {summaryOfRun.DomainCountAccuracy:F3} < {Floors.DomainCount}");
        Assert.True(summaryOfRun.BoundaryAccuracy >= Floors.Boundary, $"boundary accuracy {summaryOfRun.BoundaryAccuracy:F3} < {Floors.Boundary}");
        Assert.True(summaryOfRun.TGroupAccuracy >= Floors.TGroup, $"t-group accuracy {summaryOfRun.TGroupAccuracy:F3} < {Floors.TGroup}");
    }
}
