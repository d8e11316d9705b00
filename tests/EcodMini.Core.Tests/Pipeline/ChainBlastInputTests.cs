using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Outputs;
using EcodMini.Core.Pipeline;
using EcodMini.Core.Tests.Inputs;

namespace EcodMini.Core.Tests.Pipeline;

/// <summary>The raw chain BLAST as an optional aid (issue 11, gaps 2 and 5): a bad file never fails the chain.</summary>
public class ChainBlastInputTests
{
    private static readonly ReferenceData Ref = ReferenceData.Load(EngineTestData.ReferenceDir);
    private static readonly string V1Summary = EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml");

    private static PartitionResult Run(string? blast, string? output = null) =>
        new ChainPartitionRunner(Ref, new PartitionOptions()).Run(new PartitionRequest(V1Summary, blast, output));

    /// <summary>Without decomposition the v1 GFP-in-PBP chain keeps only its GFP domain (as with no alignment at all).</summary>
    private static void AssertPartitionedWithoutDecomposition(PartitionResult r, string flagStart)
    {
        Assert.True(r.Success, r.Error);
        Assert.Equal("253-517", r.Domains.Single().Range.ToString());
        Assert.Null(r.ChainBlastPath);
        var flag = Assert.Single(r.QualityFlags, f => f.FlagType == ChainBlastFlags.Unusable);
        Assert.Equal(QualityFlag.Warning, flag.Severity);
        Assert.StartsWith(flagStart, flag.Message);
        Assert.EndsWith("chain-BLAST decomposition disabled for this chain", flag.Message);
        Assert.DoesNotContain(r.QualityFlags, f => f.FlagType == ChainBlastFlags.NotFound);
    }

    [Fact]
    public void TruncatedRawBlastOnlyDisablesDecompositionAndTheOutputIsWritten()
    {
        using var t = new TempFolder();
        var whole = File.ReadAllBytes(EngineTestData.Gfp("8ovp_A.chain.blast.xml"));
        var blast = t.File("8ovp_A.chain.blast.xml");
        File.WriteAllBytes(blast, whole[..(whole.Length / 2)]);
        var output = Path.Combine(t.Path, "out", "8ovp_A.mini.domains.xml");
        var r = Run(blast, output);
        AssertPartitionedWithoutDecomposition(r, blast + ": malformed XML");
        var back = PartitionDocumentReader.Read(output);
        Assert.Contains(back.QualityFlags, f => f.FlagType == ChainBlastFlags.Unusable);
    }

    [Fact]
    public void EmptyRawBlastOnlyDisablesDecomposition()
    {
        using var t = new TempFolder();
        var blast = t.File("8ovp_A.chain.blast.xml", "\n");
        AssertPartitionedWithoutDecomposition(Run(blast), blast + ": file is empty");
    }

    [Fact]
    public void RawBlastOfAnotherChainIsRefused()
    {
        var blast = EngineTestData.Input("blast", "other_query.9xyz_B.xml");
        AssertPartitionedWithoutDecomposition(Run(blast), blast + ": the BLAST query is '9xyz_B', not 8ovp_A; file refused");
    }

    [Fact]
    public void BlastXml2IsWarnedAbout()
    {
        var blast = EngineTestData.Input("blast", "blastxml2.8ovp_A.xml");
        AssertPartitionedWithoutDecomposition(Run(blast), blast + ": BLAST XML2 (-outfmt 16) document <BlastXML2>");
    }

    [Fact]
    public void ARawAlignmentThatDisagreesWithTheSummaryHitIsNotUsed()
    {
        using var t = new TempFolder();
        // The same file, but the 2ia4 B alignment is placed over the GFP region (query 260-...), where the summary's
        // chain hit (2-248,500-517) does not align: a raw file from another run.
        var text = File.ReadAllText(EngineTestData.Gfp("8ovp_A.chain.blast.xml"))
            .Replace("<Hsp_query-from>2</Hsp_query-from>", "<Hsp_query-from>260</Hsp_query-from>", StringComparison.Ordinal);
        var blast = t.File("8ovp_A.chain.blast.xml", text);
        var r = Run(blast);
        Assert.True(r.Success, r.Error);
        Assert.Equal("253-517", r.Domains.Single().Range.ToString());
        Assert.Contains(r.Decisions, d => d.Contains("raw alignment for chain_blast e2ia4B1") && d.Contains("disagrees with the summary's hit"));
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.NoAlignment]);
    }

    [Fact]
    public void AHugeFileOfOtherHitsIsStreamedKeepingOnlyTheSummarysHits()
    {
        using var t = new TempFolder();
        var text = File.ReadAllText(EngineTestData.Gfp("8ovp_A.chain.blast.xml"));
        var hit = text[text.IndexOf("        <Hit>", StringComparison.Ordinal)..(text.IndexOf("      </Iteration_hits>", StringComparison.Ordinal))];
        var others = string.Concat(Enumerable.Range(0, 300).Select(i => hit.Replace("<Hit_def>2ia4 B</Hit_def>", $"<Hit_def>{1000 + i} A</Hit_def>", StringComparison.Ordinal)
            .Replace("<Hit_def>6dgv A</Hit_def>", $"<Hit_def>{5000 + i} B</Hit_def>", StringComparison.Ordinal)));
        var blast = t.File("8ovp_A.chain.blast.xml", text.Replace("      </Iteration_hits>", others + "      </Iteration_hits>", StringComparison.Ordinal));
        var r = Run(blast);
        Assert.True(r.Success, r.Error);
        Assert.Equal(2, r.DomainCount);
        Assert.Contains(r.Decisions, d => d.Contains(": 1 alignment(s) for the summary's chain BLAST hits"));
    }
}
