using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Inputs;

public class BlastXmlReaderTests
{
    [Fact]
    public void ReadsARealShapedNcbiFileWithItsDoctypeTakingTheFirstHsp()
    {
        var alignments = BlastXmlReader.Read(EngineTestData.Gfp("8ovp_A.chain.blast.xml"));
        Assert.Equal(2, alignments.Count);
        var pbp = alignments[ChainEvidence.AlignmentKey("2ia4", "B")];
        Assert.Equal(2, pbp.QueryStart);
        Assert.Equal(3, pbp.HitStart);
        Assert.Equal(1.2e-50, pbp.Evalue);
        Assert.Equal(517, pbp.QuerySequence.Length);
        Assert.Equal(pbp.QuerySequence.Length, pbp.HitSequence.Length);
        Assert.Equal(0.0, alignments[ChainEvidence.AlignmentKey("6dgv", "A")].Evalue);
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
}
