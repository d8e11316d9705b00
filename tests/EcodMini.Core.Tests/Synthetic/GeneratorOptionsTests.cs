using System.Xml.Linq;
using EcodMini.Core.Evaluation;
using EcodMini.Synthetic;

namespace EcodMini.Core.Tests.Synthetic;

public sealed class GeneratorOptionsTests
{
    private static string[] SummaryRoots(string batchDirectory, string folder) =>
        Directory.EnumerateFiles(Path.Combine(batchDirectory, folder)).Select(f => XDocument.Load(f).Root!.Name.LocalName).Distinct().ToArray();

    [Theory]
    [InlineData(SummaryFormat.Legacy, "blast_summ_doc")]
    [InlineData(SummaryFormat.V1, "domain_summary")]
    public void One_format_goes_to_domains_only(SummaryFormat format, string root)
    {
        using var temp = new TempFolder();
        var info = SyntheticBatchGenerator.Generate(temp.Sub("t"), new SyntheticBatchOptions { ProteinCount = 12, Seed = 2, Format = format });

        var batch = Assert.Single(info.BatchDirectories);
        Assert.Equal([root], SummaryRoots(batch, "domains"));
        Assert.False(Directory.Exists(Path.Combine(batch, "domains_v1")));
        Assert.Equal(12, Directory.GetFiles(Path.Combine(batch, "blast")).Length);
    }

    [Fact]
    public void Both_formats_share_file_names()
    {
        using var temp = new TempFolder();
        var info = SyntheticBatchGenerator.Generate(temp.Sub("t"), new SyntheticBatchOptions { ProteinCount = 12, Seed = 2, Format = SummaryFormat.Both });

        var batch = Assert.Single(info.BatchDirectories);
        Assert.Equal(["blast_summ_doc"], SummaryRoots(batch, "domains"));
        Assert.Equal(["domain_summary"], SummaryRoots(batch, "domains_v1"));
        Assert.Equal(Directory.GetFiles(Path.Combine(batch, "domains")).Select(Path.GetFileName),
            Directory.GetFiles(Path.Combine(batch, "domains_v1")).Select(Path.GetFileName));
    }

    [Fact]
    public void Reference_version_names_the_summaries_and_blast_xml_can_be_left_out()
    {
        using var temp = new TempFolder();
        var info = SyntheticBatchGenerator.Generate(temp.Sub("t"),
            new SyntheticBatchOptions { ProteinCount = 5, Seed = 2, ReferenceVersion = "develop300", WriteBlastXml = false });

        var batch = Assert.Single(info.BatchDirectories);
        Assert.All(Directory.GetFiles(Path.Combine(batch, "domains")), f => Assert.EndsWith(".develop300.domain_summary.xml", f));
        Assert.False(Directory.Exists(Path.Combine(batch, "blast")));
        Assert.Equal("develop300", TruthSet.Load(info.TruthPath).ReferenceVersion);
    }

    [Fact]
    public void Chains_are_spread_over_the_batches_in_blocks()
    {
        using var temp = new TempFolder();
        var info = SyntheticBatchGenerator.Generate(temp.Sub("t"), new SyntheticBatchOptions { ProteinCount = 30, Seed = 4, BatchCount = 3 });

        Assert.Equal(["ecod_batch_001", "ecod_batch_002", "ecod_batch_003"], info.BatchDirectories.Select(d => Path.GetFileName(d)![..14]));
        Assert.All(info.BatchDirectories, d => Assert.Equal(10, Directory.GetFiles(Path.Combine(d, "domains")).Length));
        Assert.Equal(30, TruthSet.Load(info.TruthPath).Chains.Count);
    }

    [Theory]
    [InlineData(0, 1, 0.9)]
    [InlineData(10, 0, 0.9)]
    [InlineData(10, 11, 0.9)]
    [InlineData(10, 1, 1.5)]
    public void Rejects_impossible_options(int proteins, int batches, double representatives)
    {
        using var temp = new TempFolder();
        Assert.ThrowsAny<ArgumentException>(() => SyntheticBatchGenerator.Generate(temp.Sub("t"),
            new SyntheticBatchOptions { ProteinCount = proteins, BatchCount = batches, RepresentativeFraction = representatives }));
        Assert.ThrowsAny<ArgumentException>(() => SyntheticBatchGenerator.Generate(temp.Sub("t"),
            new SyntheticBatchOptions { ProteinCount = 5, ReferenceVersion = "../x" }));
    }

    [Fact]
    public void Truth_in_the_documented_shape_loads()
    {
        using var temp = new TempFolder();
        var path = temp.Sub("truth.json");
        File.WriteAllText(path, """
            { "seed": 42, "reference_version": "develop291", "chains": [
              {"protein_id":"8ovp_A","batch":"ecod_batch_001_20250406_1424","length":517,"category":"insertion",
               "domains":[{"range":"2-248,500-517","ecod_domain_id":"e2ia4A1","t_group":"1.1.1"},{"range":"253-499","ecod_domain_id":"e6dgvA1","t_group":"2.1.1"}]} ] }
            """);

        var truth = TruthSet.Load(path);

        Assert.Equal(42UL, truth.Seed);
        var chain = Assert.Single(truth.Chains);
        Assert.Equal(("8ovp_A", 517, "insertion", true), (chain.ProteinId, chain.Length, chain.Category, chain.Representative));
        Assert.Equal("2-248,500-517", chain.Domains[0].Range.ToString());
        Assert.Equal("e6dgvA1", chain.Domains[1].EcodDomainId);
    }
}
