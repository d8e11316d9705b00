using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Inputs;

public class BlastXmlReaderTests
{
    private static readonly ProteinId Query = ProteinId.Parse("8ovp_A");

    private static string Blast(string file) => EngineTestData.Input("blast", file);

    [Fact]
    public void ReadsARealShapedNcbiFileWithItsDoctypeTakingTheFirstHsp()
    {
        var read = BlastXmlReader.Read(EngineTestData.Gfp("8ovp_A.chain.blast.xml"), Query);
        Assert.Null(read.Warning);
        Assert.Equal(2, read.Alignments.Count);
        var pbp = read.Alignments[ChainEvidence.AlignmentKey("2ia4", "B")];
        Assert.Equal(2, pbp.QueryStart);
        Assert.Equal(3, pbp.HitStart);
        Assert.Equal(1.2e-50, pbp.Evalue);
        Assert.Equal(517, pbp.QuerySequence.Length);
        Assert.Equal(pbp.QuerySequence.Length, pbp.HitSequence.Length);
        Assert.Equal(0.0, read.Alignments[ChainEvidence.AlignmentKey("6dgv", "A")].Evalue);
    }

    [Fact]
    public void OnlyWantedHitsAreKept()
    {
        var wanted = new HashSet<string> { ChainEvidence.AlignmentKey("6dgv", "A") };
        var read = BlastXmlReader.Read(EngineTestData.Gfp("8ovp_A.chain.blast.xml"), Query, wanted);
        Assert.Equal([ChainEvidence.AlignmentKey("6dgv", "A")], read.Alignments.Keys);
    }

    [Fact]
    public void MultiRoundPsiBlastUsesTheLastRound()
    {
        var read = BlastXmlReader.Read(Blast("psiblast_two_rounds.8ovp_A.xml"), Query);
        var pbp = read.Alignments[ChainEvidence.AlignmentKey("2ia4", "B")];
        Assert.Equal(2, pbp.QueryStart); // round 1 started at 10
        Assert.Equal(2.4e-18, pbp.Evalue);
        Assert.Equal("PHQGS-TWFCDPTRMATKAQ", pbp.HitSequence);
        Assert.Equal(2, read.Alignments.Count);
        Assert.Contains(read.Notes, n => n.Contains("2 rounds (PSI-BLAST): the last round's alignments used"));
    }

    [Fact]
    public void AFileForAnotherChainIsRefusedNamingItsQuery()
    {
        var path = Blast("other_query.9xyz_B.xml");
        var ex = Assert.Throws<InputFileException>(() => BlastXmlReader.Read(path, Query));
        Assert.Equal(path, ex.FilePath);
        Assert.Contains("the BLAST query is '9xyz_B', not 8ovp_A; file refused", ex.Reason);
        // Without a chain to check against, the same file reads.
        Assert.Single(BlastXmlReader.Read(path).Alignments);
    }

    [Fact]
    public void InAMultiQueryFileOnlyThisChainsRoundIsUsed()
    {
        var read = BlastXmlReader.Read(Blast("two_queries.9xyz_B.8ovp_A.xml"), Query);
        Assert.Equal(10, read.Alignments[ChainEvidence.AlignmentKey("2ia4", "B")].QueryStart); // 9xyz_B's round started at 40
        Assert.Contains(read.Notes, n => n.Contains("1 round(s) for another query (e.g. '9xyz_B') skipped"));
    }

    [Fact]
    public void AQueryWithoutADefinitionLineCannotBeCheckedAndIsNoted()
    {
        var read = BlastXmlReader.Read(Blast("no_definition_line.xml"), Query);
        Assert.Single(read.Alignments);
        Assert.Contains(read.Notes, n => n.Contains("query 'No definition line' names no chain"));
    }

    [Fact]
    public void OnlyDescriptionsThatLookLikeAChainBecomeKeys()
    {
        var read = BlastXmlReader.Read(Blast("free_text_descriptions.8ovp_A.xml"), Query);
        Assert.Equal([ChainEvidence.AlignmentKey("6dgv", "A")], read.Alignments.Keys);
        Assert.DoesNotContain(read.Alignments.Keys, k => k.StartsWith("homo", StringComparison.Ordinal) || k.StartsWith("1abc", StringComparison.Ordinal));
        Assert.Contains(read.Notes, n => n.Contains("2 of 3 hit(s) ignored") && n.Contains("homo sapiens"));
    }

    [Fact]
    public void BlastXml2GivesAWarningNotSilence()
    {
        var read = BlastXmlReader.Read(Blast("blastxml2.8ovp_A.xml"), Query);
        Assert.Empty(read.Alignments);
        Assert.Contains("BLAST XML2 (-outfmt 16)", read.Warning);
    }

    [Fact]
    public void AWellFormedNonBlastDocumentGivesAWarning()
    {
        var read = BlastXmlReader.Read(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"), Query);
        Assert.Empty(read.Alignments);
        Assert.Contains("not NCBI BLAST XML (root element <domain_summary>", read.Warning);
    }

    [Theory]
    [InlineData(1000, "malformed XML")]
    [InlineData(0, "file is empty")]
    public void TruncatedOrEmptyFilesAreInputErrors(int keepBytes, string reason)
    {
        using var t = new TempFolder();
        var whole = File.ReadAllBytes(Blast("psiblast_two_rounds.8ovp_A.xml"));
        var path = Path.Combine(t.Path, "8ovp_A.chain.blast.xml");
        File.WriteAllBytes(path, whole[..keepBytes]);
        var ex = Assert.Throws<InputFileException>(() => BlastXmlReader.Read(path, Query));
        Assert.Contains(reason, ex.Reason);
    }

    [Fact]
    public void BlankLinesBeforeTheDeclarationAreSkippedWhenStreaming()
    {
        using var t = new TempFolder();
        var path = t.File("8ovp_A.chain.blast.xml", "\n\n  \n" + File.ReadAllText(Blast("psiblast_two_rounds.8ovp_A.xml")));
        Assert.Equal(2, BlastXmlReader.Read(path, Query).Alignments.Count);
    }

    [Fact]
    public void ExternalEntityIsAParseErrorNotAFileRead()
    {
        using var t = new TempFolder();
        var path = t.File("x.xml", "<?xml version=\"1.0\"?><!DOCTYPE BlastOutput [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><BlastOutput><Hit><Hit_def>&xxe;</Hit_def></Hit></BlastOutput>");
        var ex = Assert.Throws<InputFileException>(() => BlastXmlReader.Read(path));
        Assert.Contains("xxe", ex.Reason);
        Assert.DoesNotContain("root:", ex.Message);
    }

    [Fact]
    public void CancellationStopsTheRead()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => BlastXmlReader.Read(Blast("psiblast_two_rounds.8ovp_A.xml"), Query, null, cts.Token));
    }
}
