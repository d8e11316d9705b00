using System.Text.RegularExpressions;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Execution;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tests.Inputs;

namespace EcodMini.Core.Tests.Pipeline;

/// <summary>
/// Issue 11, gap 1: a batch laid out either original way (or whose summary names its raw BLAST file) partitions exactly
/// as one laid out the documented way, through both the per-file path (Invoke-EcodPartition) and the batch scan
/// (Submit-EcodJob's workers).
/// </summary>
public sealed partial class BatchLayoutEquivalenceTests : IDisposable
{
    private static readonly ReferenceData Ref = ReferenceData.Load(EngineTestData.ReferenceDir);
    private static readonly ProteinId Id = ProteinId.Parse("8ovp_A");
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    /// <summary>Batch name -> where its raw BLAST goes (relative to the batch), and whether the summary names it.</summary>
    private static readonly (string Batch, string Blast, bool Named)[] Layouts =
    [
        ("ecod_batch_001_documented", Path.Combine("blast", "8ovp_A.chain.blast.xml"), false),
        ("ecod_batch_002_partitioner", Path.Combine("blast", "chain", "8ovp_A.develop291.xml"), false),
        ("ecod_batch_003_framework", Path.Combine("blast", "8ovp_A.chain_blast.xml"), false),
        ("ecod_batch_004_named", Path.Combine("raw_blast", "8ovp_A.blastp.xml"), true),
    ];

    private string Lay((string Batch, string Blast, bool Named) layout)
    {
        var summaryText = File.ReadAllText(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"));
        if (layout.Named)
            summaryText = summaryText.Replace("<metadata>", $"<metadata><chain_blast_file>{layout.Blast}</chain_blast_file>", StringComparison.Ordinal);
        _root.File(Path.Combine(layout.Batch, "domains", BatchLayout.SummaryFileName(Id)), summaryText);
        var blast = Path.Combine(_root.Path, layout.Batch, layout.Blast);
        Directory.CreateDirectory(Path.GetDirectoryName(blast)!);
        File.Copy(EngineTestData.Gfp("8ovp_A.chain.blast.xml"), blast);
        return blast;
    }

    [Fact]
    public void EveryLayoutPartitionsExactlyAsTheDocumentedOne()
    {
        var blasts = Layouts.Select(Lay).ToArray();
        var runner = new ChainPartitionRunner(Ref, new PartitionOptions());

        // Per-file path: the planner's choice, then the runner (the summary's own reference when nothing is found).
        var viaFiles = Layouts.Select(l =>
        {
            var summary = Path.Combine(_root.Path, l.Batch, "domains", BatchLayout.SummaryFileName(Id));
            var output = PartitionRequestPlanner.ChooseOutput(summary, Id, null, null);
            return runner.Run(new PartitionRequest(summary, PartitionRequestPlanner.ChooseBlast(summary, Id, null, null), output));
        }).ToArray();

        // Batch path: the scanner's tasks, turned into requests as the chunk workers do.
        var scan = new BatchScanner(new ScanOptions { BatchRoot = _root.Path, SkipExisting = false }).Scan();
        var viaScan = Layouts.Select(l => scan.Tasks.Single(t => t.BatchName == l.Batch))
            .Select(t => runner.Run(ChunkWorker.ToRequest(new ChunkTask { ProteinId = t.ProteinId, BatchName = t.BatchName, SummaryPath = t.SummaryPath, BlastPath = t.BlastPath, OutputPath = t.OutputPath + ".scan" })))
            .ToArray();

        var expected = Describe(viaFiles[0]);
        Assert.Equal(2, viaFiles[0].DomainCount);
        for (var i = 0; i < Layouts.Length; i++)
        {
            Assert.True(viaFiles[i].Success, viaFiles[i].Error);
            Assert.Equal(expected, Describe(viaFiles[i]));
            Assert.Equal(expected, Describe(viaScan[i]));
            Assert.Equal(blasts[i], viaFiles[i].ChainBlastPath);
            Assert.Equal(blasts[i], viaScan[i].ChainBlastPath);
            Assert.Empty(viaFiles[i].QualityFlags);
            Assert.Equal(Document(viaFiles[0].OutputPath!), Document(viaFiles[i].OutputPath!));
        }
    }

    [Fact]
    public void WithoutAnyRawBlastTheLayoutsAgreeOnTheUndecomposedResult()
    {
        var summary = _root.File(Path.Combine("ecod_batch_009", "domains", BatchLayout.SummaryFileName(Id)), File.ReadAllText(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml")));
        Assert.Null(PartitionRequestPlanner.ChooseBlast(summary, Id, null, null));
        var r = new ChainPartitionRunner(Ref, new PartitionOptions()).Run(new PartitionRequest(summary));
        Assert.Single(r.Domains);
        Assert.Contains(r.QualityFlags, f => f.FlagType == ChainBlastFlags.NotFound);
    }

    private static string Describe(PartitionResult r) =>
        string.Join(" | ", r.Domains.Select(d => $"{d.Range} {d.EcodDomainId} {d.Source} {d.Confidence} {d.EvidenceCount}")) + $" cov {r.Coverage}";

    /// <summary>
    /// The partition document without its timestamp and its provenance, which differs by layout: the raw BLAST file's
    /// path, and the summary hash (the named layout's summary has one more line, its reference to the file).
    /// </summary>
    private static string Document(string path) => Provenance().Replace(File.ReadAllText(path), "");

    [GeneratedRegex("<timestamp>[^<]*</timestamp>|<chain_blast_file>[^<]*</chain_blast_file>|<input sha256=\"[0-9a-f]*\" />")]
    private static partial Regex Provenance();
}
