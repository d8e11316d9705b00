using System.Diagnostics;
using System.Text;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Evaluation;

namespace EcodMini.Synthetic;

/// <summary>
/// Writes a synthetic batch tree with known answers: a reference library, batch folders of domain
/// summaries and chain BLAST XML, a representatives list and truth.json. The same seed gives a
/// byte-identical tree; chains are built in parallel, each from its own random stream.
/// </summary>
public static class SyntheticBatchGenerator
{
    public const string ReferenceFolder = "reference";
    public const string V1DomainsFolder = "domains_v1";
    public const string RepresentativesFileName = "representatives.txt";

    private const int ProgressStep = 256;

    public static SyntheticBatchInfo Generate(string root, SyntheticBatchOptions options, IProgress<int>? chainsWritten = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        ct.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        root = Path.GetFullPath(root);
        var truthPath = Path.Combine(root, TruthSet.FileName);
        if (File.Exists(truthPath))
            throw new IOException($"A synthetic tree already exists at '{root}' ({truthPath}); choose an empty folder.");
        Directory.CreateDirectory(root);

        var referenceCount = options.ReferenceChainCount ?? ReferenceLibraryBuilder.DefaultChainCount(options.ProteinCount);
        if (referenceCount + options.ProteinCount > SyntheticIds.Capacity)
            throw new ArgumentOutOfRangeException(nameof(options), $"at most {SyntheticIds.Capacity} chains (queries + reference) can be generated");
        var library = ReferenceLibraryBuilder.Build(options.Seed, referenceCount);
        var referenceDirectory = Path.Combine(root, ReferenceFolder);
        ReferenceFilesWriter.Write(referenceDirectory, library, options.Seed);
        ct.ThrowIfCancellationRequested();

        var batches = Enumerable.Range(0, options.BatchCount).Select(b => SyntheticDates.BatchName(options.Seed, b)).ToArray();
        var batchDirectories = batches.Select(b => Path.Combine(root, b)).ToArray();
        foreach (var dir in batchDirectories) CreateBatchFolders(dir, options);

        var truth = new TruthChain[options.ProteinCount];
        var written = 0;
        Parallel.For(0, options.ProteinCount,
            new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount },
            index =>
            {
                var batch = (int)((long)index * options.BatchCount / options.ProteinCount);
                truth[index] = WriteChain(library, options, index, referenceCount, batches[batch], batchDirectories[batch]);
                var done = Interlocked.Increment(ref written);
                if (chainsWritten is not null && done % ProgressStep == 0) chainsWritten.Report(done);
            });
        chainsWritten?.Report(options.ProteinCount);

        Array.Sort(truth, (a, b) => string.CompareOrdinal(a.ProteinId, b.ProteinId));
        var representativesPath = Path.Combine(root, RepresentativesFileName);
        var representatives = WriteRepresentatives(representativesPath, truth, options.Seed);
        TruthWriter.Write(truthPath, options.Seed, options.ReferenceVersion, truth, ct);

        return new SyntheticBatchInfo(root, referenceDirectory, batchDirectories, options.ProteinCount, representatives,
            truthPath, representativesPath, stopwatch.Elapsed);
    }

    private static void Validate(SyntheticBatchOptions options)
    {
        if (options.ProteinCount < 1) throw new ArgumentOutOfRangeException(nameof(options), options.ProteinCount, "ProteinCount must be at least 1");
        if (options.BatchCount < 1 || options.BatchCount > 999 || options.BatchCount > options.ProteinCount)
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchCount, "BatchCount must be 1..999 and at most ProteinCount");
        if (options.RepresentativeFraction is < 0 or > 1 || double.IsNaN(options.RepresentativeFraction))
            throw new ArgumentOutOfRangeException(nameof(options), options.RepresentativeFraction, "RepresentativeFraction must be within 0..1");
        ArgumentNullException.ThrowIfNull(options.Noise);
        options.Noise.Validate();
        if (options.ReferenceChainCount is < 100)
            throw new ArgumentOutOfRangeException(nameof(options), options.ReferenceChainCount, "ReferenceChainCount must be at least 100");
        if (string.IsNullOrWhiteSpace(options.ReferenceVersion) || options.ReferenceVersion.IndexOfAny(['/', '\\', '.', ' ']) >= 0)
            throw new ArgumentException($"Invalid reference version '{options.ReferenceVersion}'", nameof(options));
    }

    private static void CreateBatchFolders(string batchDirectory, SyntheticBatchOptions options)
    {
        Directory.CreateDirectory(Path.Combine(batchDirectory, BatchLayout.DomainsFolder));
        if (options.Format == SummaryFormat.Both) Directory.CreateDirectory(Path.Combine(batchDirectory, V1DomainsFolder));
        if (options.WriteBlastXml) Directory.CreateDirectory(Path.Combine(batchDirectory, BatchLayout.BlastFolder));
    }

    private static TruthChain WriteChain(ReferenceLibrary library, SyntheticBatchOptions options, int index, int referenceCount, string batchName, string batchDirectory)
    {
        var id = ProteinId.Create(SyntheticIds.PdbId(options.Seed, referenceCount + index),
            SyntheticIds.ChainLetter(new SyntheticRandom(options.Seed, 3, (ulong)index)));
        var chain = SyntheticChainBuilder.Build(library, options.Seed, index, id, options.Noise);
        var summaryName = BatchLayout.SummaryFileName(id, options.ReferenceVersion);
        var domains = Path.Combine(batchDirectory, BatchLayout.DomainsFolder, summaryName);
        switch (options.Format)
        {
            case SummaryFormat.Legacy: LegacySummaryWriter.Write(domains, chain); break;
            case SummaryFormat.V1: V1SummaryWriter.Write(domains, chain, batchName); break;
            default:
                LegacySummaryWriter.Write(domains, chain);
                V1SummaryWriter.Write(Path.Combine(batchDirectory, V1DomainsFolder, summaryName), chain, batchName);
                break;
        }
        if (options.WriteBlastXml)
            BlastXmlWriter.Write(Path.Combine(batchDirectory, BatchLayout.BlastFolder, BatchLayout.BlastFileName(id)), chain, options.ReferenceVersion);

        var truthDomains = chain.Domains
            .OrderBy(d => d.Range.Start)
            .Select(d => new TruthDomain(d.Range, d.Source.DomainId, d.Source.TGroup))
            .ToArray();
        return new TruthChain(id.ToString(), batchName, chain.Length, chain.Category.ToText(),
            RepresentativeSelection.IsRepresentative(options.Seed, index, options.RepresentativeFraction), truthDomains);
    }

    private static int WriteRepresentatives(string path, IReadOnlyList<TruthChain> sortedTruth, ulong seed)
    {
        var count = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write($"# synthetic representatives (seed {seed.ToString(System.Globalization.CultureInfo.InvariantCulture)})\n");
        foreach (var chain in sortedTruth)
        {
            if (!chain.Representative) continue;
            writer.Write(chain.ProteinId);
            writer.Write('\n');
            count++;
        }
        return count;
    }
}
