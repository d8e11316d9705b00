using EcodMini.Core.Evaluation;
using EcodMini.Synthetic;

namespace EcodMini.Core.Tests.Synthetic;

/// <summary>One 300-chain tree in both summary formats over three batches, shared by the tests that only read it.</summary>
public sealed class GeneratedTreeFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public GeneratedTreeFixture()
    {
        Options = new SyntheticBatchOptions { ProteinCount = 300, Seed = 20251019, BatchCount = 3, Format = SummaryFormat.Both };
        Info = SyntheticBatchGenerator.Generate(_temp.Sub("tree"), Options);
        Truth = TruthSet.Load(Info.TruthPath);
        Reference = GeneratedReference.Load(Info.ReferenceDirectory);
    }

    public SyntheticBatchOptions Options { get; }
    public SyntheticBatchInfo Info { get; }
    public TruthSet Truth { get; }
    public GeneratedReference Reference { get; }

    public string SummaryPath(TruthChain chain, string folder = "domains") =>
        Path.Combine(Info.Root, chain.Batch, folder, $"{chain.ProteinId}.{Options.ReferenceVersion}.domain_summary.xml");

    public string BlastPath(TruthChain chain) => Path.Combine(Info.Root, chain.Batch, "blast", $"{chain.ProteinId}.chain.blast.xml");

    public void Dispose() => _temp.Dispose();
}
