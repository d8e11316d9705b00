using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Inputs;

public class SummaryReaderTests
{
    [Fact]
    public void ReadsV1Summary()
    {
        var c = SummaryReader.Read(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"));
        Assert.Equal("8ovp_A", c.Protein.ToString());
        Assert.Equal(517, c.Length);
        Assert.Equal(517, c.Sequence!.Length);
        Assert.Equal("ecod_weekly_20251019", c.BatchId);
        Assert.Equal([EvidenceType.ChainBlast, EvidenceType.DomainBlast, EvidenceType.HhSearch], c.Hits.Select(h => h.Type));
        Assert.Equal("GFP-like", c.Hits[1].Family);
        Assert.Equal("95.2", c.Hits[2].Probability);
        Assert.Equal("3-249,251-268", c.Hits[0].HitRange);
    }

    [Fact]
    public void ReadsLegacySummaryWithInlineAlignment()
    {
        var c = SummaryReader.Read(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml"));
        Assert.Equal(517, c.Length);
        Assert.Equal(3, c.Hits.Count);
        var chain = c.Hits[0];
        Assert.Equal(("2ia4", "B"), (chain.Pdb, chain.Chain));
        Assert.Equal("1e-50,1e-3", chain.Evalue);
        Assert.Equal("2-248,500-517", chain.QueryRange);
        Assert.Equal(chain.QuerySequence!.Length, chain.HitSequence!.Length);
        Assert.Equal("e6dgvA1", c.Hits[1].TargetId);
        Assert.Equal("109.4.1", c.Hits[1].TGroup);
        Assert.Equal("98.5", c.Hits[2].Probability);
        Assert.Equal("255-495", c.Hits[2].QueryRange);
    }

    [Fact]
    public void LegacyLengthFromProteinElementAndMissingLengthIsNull()
    {
        using var t = new TempFolder();
        var withProtein = SummaryReader.Read(t.File("a.xml", "<blast_summ_doc><blast_summ pdb=\"1abc\" chain=\"B\"/><protein length=\"321\"/></blast_summ_doc>"));
        Assert.Equal(321, withProtein.Length);
        var none = SummaryReader.Read(t.File("b.xml", "<blast_summ_doc><blast_summ pdb=\"1abc\" chain=\"B\"/><blast_run><hits/></blast_run></blast_summ_doc>"));
        Assert.Null(none.Length);
        Assert.Empty(none.Hits);
        var withSequence = SummaryReader.Read(t.File("c.xml", "<blast_summ_doc><blast_summ pdb=\"1abc\" chain=\"B\"><query_seq>MKV\nLLA</query_seq></blast_summ></blast_summ_doc>"));
        Assert.Equal("MKVLLA", withSequence.Sequence);
    }

    [Theory]
    [InlineData("<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\" \"><sequence>MKV</sequence></protein></domain_summary>")]
    [InlineData("<blast_summ_doc><blast_summ pdb=\"8ovp\" chain=\"A\"/><query_len></query_len><query_seq>MKV</query_seq></blast_summ_doc>")]
    public void BlankLengthIsNotRecordedNotAnError(string content)
    {
        using var t = new TempFolder();
        var c = SummaryReader.Read(t.File("s.xml", content));
        Assert.Null(c.Length);
        Assert.Equal("MKV", c.Sequence);
    }

    [Theory]
    [InlineData("", "file is empty")]
    [InlineData("<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"10\">", "malformed XML")]
    [InlineData("<!DOCTYPE d [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"&b;\"/></domain_summary>", "malformed XML")]
    [InlineData("<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"5\"><sequence>&x;</sequence></protein></domain_summary>", "malformed XML")]
    [InlineData("<domain_summary><evidence/></domain_summary>", "missing <protein>")]
    [InlineData("<domain_summary><protein pdb_id=\"8ovp_x\" chain_id=\"A\" length=\"5\"/></domain_summary>", "malformed protein id")]
    [InlineData("<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"abc\"/></domain_summary>", "not a positive whole number")]
    [InlineData("<blast_summ_doc><blast_run/></blast_summ_doc>", "missing protein element")]
    [InlineData("<partition/>", "unknown summary root")]
    public void StructurallyBadSummariesThrowNamingFileAndReason(string content, string reason)
    {
        using var t = new TempFolder();
        var path = t.File("bad.xml", content);
        var ex = Assert.Throws<InputFileException>(() => SummaryReader.Read(path));
        Assert.Equal(path, ex.FilePath);
        Assert.Contains(reason, ex.Reason);
        Assert.StartsWith(path + ": ", ex.Message);
    }

    [Fact]
    public void UnknownAttributesAndMissingOptionalOnesAreTolerated()
    {
        using var t = new TempFolder();
        var c = SummaryReader.Read(t.File("s.xml",
            "<domain_summary version=\"9\" extra=\"1\"><protein pdb_id=\"8ovp\" chain_id=\"AB\" foo=\"bar\"/><evidence><hit type=\"HHsearch\" target=\"e1abcA1\" query_range=\"1-50\" bogus=\"1\"><child/></hit></evidence></domain_summary>"));
        Assert.Null(c.Length);
        Assert.Equal(EvidenceType.HhSearch, c.Hits.Single().Type);
        Assert.Null(c.Hits.Single().Evalue);
    }

    [Fact]
    public void LegacyHitsWithChildRangeElementsAndSourceIds()
    {
        var c = SummaryReader.Read(EngineTestData.Input("summaries", "8ovp_A.child_ranges.legacy.domain_summary.xml"));
        Assert.Equal(["2-248,500-517", "253-499", "255-495"], c.Hits.Select(h => h.QueryRange));
        Assert.Equal(["3-249,251-268", "1-247", "3-243"], c.Hits.Select(h => h.HitRange));
        Assert.Null(c.Hits[0].TargetId); // chain BLAST with pdb_id/chain_id
        Assert.Equal("e6dgvA1", c.Hits[1].TargetId); // source_id only
        Assert.Equal("e6dgvA1", c.Hits[2].TargetId); // hit_id before source_id
        Assert.Equal("../blast/chain/8ovp_A.develop291.xml", c.ChainBlastReference);
        Assert.Equal(517, c.Length);
    }

    [Fact]
    public void V1HitsWithChildRangeElementsAndAlternativeTargetNames()
    {
        var c = SummaryReader.Read(EngineTestData.Input("summaries", "8ovp_A.child_ranges.v1.domain_summary.xml"));
        Assert.Equal(["2-248,500-517", "253-499", "255-495"], c.Hits.Select(h => h.QueryRange));
        Assert.Equal(["3-249,251-268", "1-247", "3-243"], c.Hits.Select(h => h.HitRange));
        Assert.Equal(["e2ia4B1", "e6dgvA1", "e6dgvA1"], c.Hits.Select(h => h.TargetId));
        Assert.Equal("/nonexistent/elsewhere/8ovp_A.chain_blast.xml", c.ChainBlastReference);
        Assert.Equal("ecod_weekly_20251019", c.BatchId);
    }

    [Theory]
    [InlineData("<hit domain_id=\"e1\" hit_id=\"e2\" source_id=\"e3\" query_reg=\"1-9\"/>", "e1")]
    [InlineData("<hit hit_id=\"e2\" source_id=\"e3\" query_reg=\"1-9\"/>", "e2")]
    [InlineData("<hit source_id=\"e3\" query_reg=\"1-9\"/>", "e3")]
    [InlineData("<hit domain_id=\"\" source_id=\"e3\" query_reg=\"1-9\"/>", "e3")]
    public void LegacyTargetIdIsDomainIdThenHitIdThenSourceId(string hit, string expected)
    {
        using var t = new TempFolder();
        var c = SummaryReader.Read(t.File("s.xml", $"<blast_summ_doc><blast_summ pdb=\"8ovp\" chain=\"A\"/><blast_run><hits>{hit}</hits></blast_run></blast_summ_doc>"));
        Assert.Equal(expected, c.Hits.Single().TargetId);
    }

    [Fact]
    public void AChildElementWinsOverAnAttributeOfTheSameName()
    {
        using var t = new TempFolder();
        var c = SummaryReader.Read(t.File("s.xml",
            "<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\"/><evidence><hit type=\"hhsearch\" target=\"e1\" query_range=\"1-5\"><query_range>10-50</query_range><alignment><query_range>99-100</query_range></alignment></hit></evidence></domain_summary>"));
        Assert.Equal("10-50", c.Hits.Single().QueryRange);
    }
}
