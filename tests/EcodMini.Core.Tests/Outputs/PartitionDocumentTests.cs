using EcodMini.Core.Model;
using EcodMini.Core.Outputs;
using EcodMini.Core.Tests.Algorithm;
using EcodMini.Core.Tests.Inputs;

namespace EcodMini.Core.Tests.Outputs;

public class PartitionDocumentTests
{
    private static PartitionResult Sample()
    {
        var (reference, chain) = EngineFixtures.GfpInPbp();
        return EngineFixtures.Run(reference, chain with { Sequence = new string('M', 517) }) with
        {
            BatchId = "batch_1", InputSha256 = "ab12", Timestamp = new DateTimeOffset(2025, 10, 19, 12, 0, 0, TimeSpan.Zero),
        };
    }

    [Theory]
    [InlineData(OutputFormat.V1, "<partition version=\"1.0\"")]
    [InlineData(OutputFormat.Legacy, "<domain_partition pdb_id=\"8ovp\"")]
    public void RoundTripPreservesDomainsLengthAndCoverage(OutputFormat format, string root)
    {
        using var t = new TempFolder();
        var original = Sample();
        var path = Path.Combine(t.Path, "sub", "8ovp_A.mini.domains.xml");
        PartitionDocumentWriter.Write(original, path, format);
        Assert.Contains(root, File.ReadAllText(path));
        var back = PartitionDocumentReader.Read(path);
        Assert.Equal(original.Protein, back.Protein);
        Assert.Equal(517, back.SequenceLength);
        Assert.Equal(original.Coverage, back.Coverage);
        Assert.Equal(original.Timestamp, back.Timestamp);
        Assert.Equal("batch_1", back.BatchId);
        Assert.Equal(original.Domains.Count, back.Domains.Count);
        for (var i = 0; i < original.Domains.Count; i++)
        {
            var a = original.Domains[i];
            var b = back.Domains[i];
            Assert.Equal(a.Range, b.Range);
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.EcodDomainId, b.EcodDomainId);
            Assert.Equal(a.TGroup, b.TGroup);
            Assert.Equal(a.HGroup, b.HGroup);
            Assert.Equal(a.Source, b.Source);
            Assert.Equal(a.Confidence, b.Confidence);
            if (format == OutputFormat.V1) Assert.Equal(a.EvidenceCount, b.EvidenceCount);
        }
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void V1DocumentCarriesTheContractFields()
    {
        var xml = PartitionDocumentWriter.ToXml(Sample(), OutputFormat.V1);
        Assert.Contains("algorithm=\"ecod-mini\"", xml);
        Assert.Contains("<domain_count>2</domain_count>", xml);
        Assert.Contains("range=\"1-252,500-517\"", xml);
        Assert.Contains("source=\"chain_blast_decomposed\"", xml);
        Assert.Contains("<input sha256=\"ab12\" />", xml);
        Assert.Contains("<timestamp>2025-10-19T12:00:00.000Z</timestamp>", xml);
    }

    [Fact]
    public void AtomicWriteReplacesAnExistingFile()
    {
        using var t = new TempFolder();
        var path = t.File("p.xml", "old");
        PartitionDocumentWriter.Write(Sample(), path, OutputFormat.V1);
        Assert.StartsWith("<?xml", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(t.Path));
    }

    [Theory]
    [InlineData("<partition><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"5\"/><domains><domain range=\"9-2\" source=\"x\"/></domains></partition>", "invalid range")]
    [InlineData("<something/>", "unknown partition root")]
    [InlineData("<partition><domains>", "malformed XML")]
    [InlineData("<domain_partition pdb_id=\"8ovp\" chain_id=\"A\" sequence_length=\"x\"/>", "not a whole number")]
    public void BadPartitionFilesThrow(string content, string reason)
    {
        using var t = new TempFolder();
        var path = t.File("bad.xml", content);
        var ex = Assert.Throws<InputFileException>(() => PartitionDocumentReader.Read(path));
        Assert.Contains(reason, ex.Reason);
    }

    [Fact]
    public void ReadsAnOlderLegacyDocumentWithoutOptionalAttributes()
    {
        using var t = new TempFolder();
        var path = t.File("old.xml", "<domain_partition pdb_id=\"1abc\" chain_id=\"A\" reference=\"develop291\" is_classified=\"true\"><domains><domain range=\"1-100\" source=\"domain_blast\" source_id=\"e1xyzA1\" t_group=\"1.1.1\" h_group=\"1.1\" confidence=\"0.9\"/></domains></domain_partition>");
        var r = PartitionDocumentReader.Read(path);
        Assert.Equal("e1xyzA1", r.Domains.Single().EcodDomainId);
        Assert.Equal("d1", r.Domains.Single().Id);
        Assert.Equal(0.9, r.Domains.Single().Confidence);
    }
}
