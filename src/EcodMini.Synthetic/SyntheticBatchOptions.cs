using EcodMini.Core.Inputs;

namespace EcodMini.Synthetic;

/// <summary>What <see cref="SyntheticBatchGenerator"/> writes: how many chains, from which seed, in which format.</summary>
public sealed record SyntheticBatchOptions
{
    /// <summary>Number of query chains across all batches.</summary>
    public int ProteinCount { get; init; } = 100;

    /// <summary>Seed of every random choice; the same seed gives a byte-identical tree.</summary>
    public ulong Seed { get; init; }

    /// <summary>Number of <c>ecod_batch_NNN_*</c> folders the chains are spread over (contiguous blocks).</summary>
    public int BatchCount { get; init; } = 1;

    public SummaryFormat Format { get; init; } = SummaryFormat.Legacy;

    /// <summary>The token in summary file names (<c>&lt;id&gt;.&lt;ReferenceVersion&gt;.domain_summary.xml</c>).</summary>
    public string ReferenceVersion { get; init; } = BatchLayout.DefaultReferenceVersion;

    /// <summary>Fraction of chains listed in <c>representatives.txt</c>.</summary>
    public double RepresentativeFraction { get; init; } = 0.9;

    /// <summary>Reference chains in the library; null = scale with <see cref="ProteinCount"/> (300 .. 3000).</summary>
    public int? ReferenceChainCount { get; init; }

    /// <summary>Also write <c>blast/&lt;id&gt;.chain.blast.xml</c> (NCBI BLAST XML) per chain.</summary>
    public bool WriteBlastXml { get; init; } = true;

    /// <summary>Evidence noise (<see cref="SyntheticNoise.Easy"/> by default, <see cref="SyntheticNoise.Hard"/> like real data).</summary>
    public SyntheticNoise Noise { get; init; } = SyntheticNoise.Easy;

    /// <summary>Parallel chain writers; null = processor count.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
