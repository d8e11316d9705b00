using System.Text;
using System.Text.RegularExpressions;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;

namespace EcodMini.Core.Tests.Inputs;

/// <summary>Inputs shaped by a different generator than ours: every variant must give the GFP-in-PBP answer.</summary>
public class GeneratorVariantTests
{
    private static readonly ReferenceData Ref = ReferenceData.Load(EngineTestData.ReferenceDir);
    private static readonly string[] Expected = ["1-252,500-517", "253-499"];

    private static PartitionResult Run(string summary, string? blast = null, ReferenceData? reference = null) =>
        new ChainPartitionRunner(reference ?? Ref, new PartitionOptions()).Run(new PartitionRequest(summary, blast));

    private static string[] Ranges(PartitionResult r) => [.. r.Domains.Select(d => d.Range.ToString())];

    private static string Wrap(Match m, int width)
    {
        var body = m.Groups[2].Value;
        var sb = new StringBuilder();
        for (var i = 0; i < body.Length; i += width) sb.Append("\n          ").Append(body.AsSpan(i, Math.Min(width, body.Length - i)));
        return $"<{m.Groups[1].Value}>{sb}\n        </{m.Groups[1].Value}>";
    }

    private static string WrapElements(string xml, string names) =>
        Regex.Replace(xml, $"<({names})>([^<]*)</\\1>", m => Wrap(m, 60));

    [Fact]
    public void LegacyInlineAlignmentWrappedOverLines()
    {
        using var t = new TempFolder();
        var text = WrapElements(File.ReadAllText(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml")), "query_seq|hit_seq");
        var r = Run(t.File("8ovp_A.xml", text));
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
    }

    [Fact]
    public void RawBlastAlignmentWrappedOverLines()
    {
        using var t = new TempFolder();
        var blast = WrapElements(File.ReadAllText(EngineTestData.Gfp("8ovp_A.chain.blast.xml")), "Hsp_qseq|Hsp_hseq");
        var r = Run(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"), t.File("b.xml", blast));
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
    }

    [Theory]
    [InlineData("8ovp_A.v1.domain_summary.xml")]
    [InlineData("8ovp_A.legacy.domain_summary.xml")]
    public void BomAndCrlfSummary(string file)
    {
        using var t = new TempFolder();
        var text = File.ReadAllText(EngineTestData.Gfp(file)).Replace("\r\n", "\n").Replace("\n", "\r\n");
        var path = t.File("8ovp_A.xml");
        File.WriteAllText(path, text, new UTF8Encoding(true));
        var r = Run(path, file.Contains("v1") ? EngineTestData.Gfp("8ovp_A.chain.blast.xml") : null);
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
    }

    [Theory]
    [InlineData("2ia4_B")]
    [InlineData("2ia4B")]
    [InlineData("2IA4_B")]
    [InlineData("e2ia4B1")]
    public void V1ChainBlastTargetForms(string target)
    {
        using var t = new TempFolder();
        var text = File.ReadAllText(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml")).Replace("target=\"e2ia4B1\"", $"target=\"{target}\"");
        var r = Run(t.File("8ovp_A.xml", text), EngineTestData.Gfp("8ovp_A.chain.blast.xml"));
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
    }

    [Fact]
    public void ReferenceCsvWithBomCrlfQuotesAndUpperCasePdbIds()
    {
        using var t = new TempFolder();
        var enc = new UTF8Encoding(true);
        File.WriteAllText(t.File("domain_definitions.csv"),
            "domain_id,pdb_id,chain_id,range,length,t_group,h_group\r\n\"e2ia4B1\",\"2IA4\",\"B\",\"1-200,201-270\",270,\"7.3.1\",\"7.3\"\r\ne6dgvA1,6DGV,A,1-247,247,\"109.4.1, GFP-like\",109.4\r\n", enc);
        File.WriteAllText(t.File("domain_lengths.csv"), "domain_id,length\r\ne2ia4B1,270\r\ne6dgvA1,247\r\n", enc);
        File.WriteAllText(t.File("protein_lengths.csv"), "pdb_chain,length\r\n2IA4_B,270\r\n6dgv_A,247\r\n", enc);
        File.WriteAllText(t.File("reference_blacklist.csv"), "pdb_id,chain_id,reason,date_added,added_by\r\n", enc);
        var reference = ReferenceData.Load(t.Path);
        Assert.Equal(0, reference.SkippedRows);
        var r = Run(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"), EngineTestData.Gfp("8ovp_A.chain.blast.xml"), reference);
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
    }

    [Fact]
    public void LegacyDomainHitIdWinsOverDisagreeingPdbChainAttributesAndHitIdAlone()
    {
        using var t = new TempFolder();
        var text = File.ReadAllText(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml"))
            .Replace("domain_id=\"e6dgvA1\" pdb_id=\"6dgv\" chain_id=\"A\"", "domain_id=\"e6dgvA1\" pdb_id=\"2ia4\" chain_id=\"B\"")
            .Replace("hit_id=\"e6dgvA1\" domain_id=\"e6dgvA1\"", "hit_id=\"e6dgvA1\" num=\"1\" hsp_count=\"1\"");
        var r = Run(t.File("8ovp_A.xml", text));
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
        Assert.Equal("e6dgvA1", r.Domains[1].EcodDomainId);
    }

    [Fact]
    public void LegacyQuerySequenceInsideARunGivesTheLength()
    {
        using var t = new TempFolder();
        var seq = Regex.Match(File.ReadAllText(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml")), "<sequence>([^<]*)</sequence>").Groups[1].Value;
        var text = File.ReadAllText(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml"))
            .Replace("<query_len>517</query_len>", "")
            .Replace("<blast_summ pdb=\"8ovp\" chain=\"A\"/>", "<blast_summ pdb=\"8ovp\" chain=\"A\">")
            .Replace("</hh_run>", "</hh_run></blast_summ>")
            .Replace("<chain_blast_run program=\"blastp\">", $"<chain_blast_run program=\"blastp\"><query>8ovp_A</query><query_seq>{seq}</query_seq>");
        var r = Run(t.File("8ovp_A.xml", text));
        Assert.True(r.Success, r.Error);
        Assert.Equal(517, r.SequenceLength);
        Assert.Empty(r.QualityFlags);
        Assert.Equal(Expected, Ranges(r));
    }

    [Fact]
    public void V1HitsWithLegacyRangeNamesAndOddProbabilityOnBlastHits()
    {
        using var t = new TempFolder();
        var text = File.ReadAllText(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"))
            .Replace("query_range=\"253-499\" target_range=\"1-247\"", "query_reg=\"253-499\" hit_reg=\"1-247\" probability=\"n/a\"");
        var r = Run(t.File("8ovp_A.xml", text), EngineTestData.Gfp("8ovp_A.chain.blast.xml"));
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
        Assert.Equal(EvidenceType.DomainBlast, r.Domains[1].Source);
    }

    [Theory]
    [InlineData("2-248,500-517", "3-249,251-268", "1-252,500-517 253-499")] // one HSP per range segment: joined
    [InlineData("2-517", "3-268", "1-250 251-517")]                         // HSP 2's start unknown: first HSP only
    public void LegacyInlineAlignmentOfSeveralHspsCommaSeparated(string queryReg, string hitReg, string expected)
    {
        using var t = new TempFolder();
        var text = File.ReadAllText(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml"));
        string Split(string name, string xml) => Regex.Replace(xml, $"<{name}>([^<]*)</{name}>",
            m => $"<{name}>{m.Groups[1].Value[..247]},{m.Groups[1].Value[^18..]}</{name}>");
        text = Split("query_seq", Split("hit_seq", text))
            .Replace("<query_reg>2-248,500-517</query_reg>", $"<query_reg>{queryReg}</query_reg>")
            .Replace("<hit_reg>3-249,251-268</hit_reg>", $"<hit_reg>{hitReg}</hit_reg>");
        var r = Run(t.File("8ovp_A.xml", text));
        Assert.True(r.Success, r.Error);
        Assert.Equal(expected, string.Join(" ", Ranges(r)));
        Assert.Equal("chain_blast_decomposed", r.Domains[0].Source);
    }

    [Theory]
    [InlineData("8ovp_A.v1.domain_summary.xml", "target=\"e6dgvA1\" target_family", "hit_id=\"e6dgvA1\" target_family")]
    [InlineData("8ovp_A.legacy.domain_summary.xml", "domain_id=\"e6dgvA1\" pdb_id=\"6dgv\" chain_id=\"A\"", "target=\"e6dgvA1\"")]
    public void DomainHitTargetUnderTheOtherFormatsAttributeName(string file, string from, string to)
    {
        using var t = new TempFolder();
        var text = File.ReadAllText(EngineTestData.Gfp(file));
        Assert.Contains(from, text);
        var r = Run(t.File("8ovp_A.xml", text.Replace(from, to)), file.Contains("v1") ? EngineTestData.Gfp("8ovp_A.chain.blast.xml") : null);
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
        Assert.Equal(EvidenceType.DomainBlast, r.Domains[1].Source);
    }

    [Fact]
    public void ChainPrefixedRangesInReferenceAndSummary()
    {
        using var t = new TempFolder();
        foreach (var f in Directory.GetFiles(EngineTestData.ReferenceDir)) File.Copy(f, Path.Combine(t.Path, Path.GetFileName(f)));
        var defs = Path.Combine(t.Path, ReferenceData.DefinitionsFile);
        File.WriteAllText(defs, File.ReadAllText(defs).Replace("e2ia4B1,2ia4,B,1-270,", "e2ia4B1,2ia4,B,\"B:1-200,B:201-270\","));
        var reference = ReferenceData.Load(t.Path);
        Assert.Equal("1-200,201-270", reference.DomainById("e2ia4B1")!.Range.ToString());
        var text = File.ReadAllText(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"))
            .Replace("query_range=\"253-499\" target_range=\"1-247\"", "query_range=\"A:253-499\" target_range=\"A:1-247\"");
        var r = Run(t.File("8ovp_A.xml", text), EngineTestData.Gfp("8ovp_A.chain.blast.xml"), reference);
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
        Assert.Equal(EvidenceType.DomainBlast, r.Domains[1].Source);
    }

    [Theory]
    [InlineData("8ovp_A.v1.domain_summary.xml")]
    [InlineData("8ovp_A.legacy.domain_summary.xml")]
    public void BlankLinesBeforeTheXmlDeclaration(string file)
    {
        using var t = new TempFolder();
        var r = Run(t.File("8ovp_A.xml", "\n  \n" + File.ReadAllText(EngineTestData.Gfp(file))),
            file.Contains("v1") ? EngineTestData.Gfp("8ovp_A.chain.blast.xml") : null);
        Assert.True(r.Success, r.Error);
        Assert.Equal(Expected, Ranges(r));
    }
}
