using EcodMini.Core.Evaluation;
using EcodMini.Synthetic;

namespace EcodMini.Core.Tests.Synthetic;

/// <summary>One generated tree with a noise setting, read back by the tests of that setting (<see cref="HardNoiseTests"/>, <see cref="RealisticNoiseTests"/>).</summary>
public abstract class NoisyTree : IDisposable
{
    private readonly TempFolder _temp = new();

    protected NoisyTree(string name, int proteinCount, ulong seed, SyntheticNoise noise)
    {
        Info = SyntheticBatchGenerator.Generate(_temp.Sub(name), new SyntheticBatchOptions { ProteinCount = proteinCount, Seed = seed, Noise = noise });
        Truth = TruthSet.Load(Info.TruthPath);
        Reference = GeneratedReference.Load(Info.ReferenceDirectory);
    }

    public SyntheticBatchInfo Info { get; }
    public TruthSet Truth { get; }
    public GeneratedReference Reference { get; }

    /// <summary>The hits of a chain's legacy summary.</summary>
    public IReadOnlyList<SummaryHit> Hits(TruthChain chain) =>
        SummaryFiles.ReadLegacy(Path.Combine(Info.Root, chain.Batch, "domains", $"{chain.ProteinId}.develop291.domain_summary.xml")).Hits;

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
