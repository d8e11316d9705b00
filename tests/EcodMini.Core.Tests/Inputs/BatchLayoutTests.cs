using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Inputs;

public sealed class BatchLayoutTests
{
    private static readonly ProteinId Id = ProteinId.Parse("8ovp_A");

    [Theory]
    [InlineData("domains")]
    [InlineData("domains_v1")]
    public void Raw_blast_is_found_in_the_batch_blast_folder_whatever_the_summary_folder_is_called(string summaryFolder)
    {
        using var temp = new TempFolder();
        var summary = temp.File(Path.Combine("ecod_batch_001", summaryFolder, BatchLayout.SummaryFileName(Id)), "<x/>");
        var blast = temp.File(Path.Combine("ecod_batch_001", BatchLayout.BlastFolder, BatchLayout.BlastFileName(Id)), "<x/>");

        Assert.Equal(blast, BatchLayout.DefaultBlastPath(summary, Id));
    }

    [Fact]
    public void Raw_blast_next_to_the_summary_is_the_fallback_and_none_gives_null()
    {
        using var temp = new TempFolder();
        var summary = temp.File(Path.Combine("loose", BatchLayout.SummaryFileName(Id)), "<x/>");
        Assert.Null(BatchLayout.DefaultBlastPath(summary, Id));

        var beside = temp.File(Path.Combine("loose", BatchLayout.BlastFileName(Id)), "<x/>");
        Assert.Equal(beside, BatchLayout.DefaultBlastPath(summary, Id));
    }

    [Theory]
    [InlineData("domains", true)]
    [InlineData("domains_v1", false)]
    public void Default_output_goes_to_mini_domains_only_for_the_batch_layout(string summaryFolder, bool expected)
    {
        using var temp = new TempFolder();
        var summary = temp.File(Path.Combine("ecod_batch_001", summaryFolder, BatchLayout.SummaryFileName(Id)), "<x/>");
        var output = BatchLayout.DefaultOutputPath(summary, Id);
        Assert.Equal(expected, output is not null);
        if (expected) Assert.Equal(temp.File(Path.Combine("ecod_batch_001", BatchLayout.OutputFolder, BatchLayout.OutputFileName(Id))), output);
    }

    public static TheoryData<string> OriginalLayouts => new()
    {
        Path.Combine("blast", "8ovp_A.chain.blast.xml"),
        Path.Combine("blast", "chain", "8ovp_A.develop291.xml"),
        Path.Combine("blast", "8ovp_A.chain_blast.xml"),
    };

    [Theory]
    [MemberData(nameof(OriginalLayouts))]
    public void Raw_blast_is_found_in_each_layout_the_original_tools_use(string relative)
    {
        using var temp = new TempFolder();
        var summary = temp.File(Path.Combine("ecod_batch_001", "domains", BatchLayout.SummaryFileName(Id)), "<x/>");
        var blast = temp.File(Path.Combine("ecod_batch_001", relative), "<x/>");
        Assert.Equal(blast, BatchLayout.DefaultBlastPath(summary, Id));
    }

    [Fact]
    public void The_documented_layout_wins_then_the_partitioners_then_the_frameworks()
    {
        using var temp = new TempFolder();
        var summary = temp.File(Path.Combine("b", "domains", BatchLayout.SummaryFileName(Id)), "<x/>");
        var framework = temp.File(Path.Combine("b", "blast", "8ovp_A.chain_blast.xml"), "<x/>");
        Assert.Equal(framework, BatchLayout.DefaultBlastPath(summary, Id));
        var partitioner = temp.File(Path.Combine("b", "blast", "chain", "8ovp_A.develop291.xml"), "<x/>");
        Assert.Equal(partitioner, BatchLayout.DefaultBlastPath(summary, Id));
        var documented = temp.File(Path.Combine("b", "blast", "8ovp_A.chain.blast.xml"), "<x/>");
        Assert.Equal(documented, BatchLayout.DefaultBlastPath(summary, Id));
    }

    [Fact]
    public void The_partitioner_layout_uses_the_reference_version_of_the_summary_file_name()
    {
        using var temp = new TempFolder();
        var summary = temp.File(Path.Combine("b", "domains", BatchLayout.SummaryFileName(Id, "develop292")), "<x/>");
        temp.File(Path.Combine("b", "blast", "chain", "8ovp_A.develop291.xml"), "<x/>");
        Assert.Null(BatchLayout.DefaultBlastPath(summary, Id));
        var right = temp.File(Path.Combine("b", "blast", "chain", "8ovp_A.develop292.xml"), "<x/>");
        Assert.Equal(right, BatchLayout.DefaultBlastPath(summary, Id));
    }

    [Theory]
    [InlineData("8ovp_A.develop291.domain_summary.xml", "develop291")]
    [InlineData("8ovp_A.v293_1.domain_summary.xml", "v293_1")]
    [InlineData("8ovp_A.domain_summary.xml", BatchLayout.DefaultReferenceVersion)]
    [InlineData("8ovp_A.a b.domain_summary.xml", BatchLayout.DefaultReferenceVersion)]
    [InlineData("8ovp_A.xml", BatchLayout.DefaultReferenceVersion)]
    public void Reference_version_comes_from_the_summary_name_only_when_safe(string name, string expected) =>
        Assert.Equal(expected, BatchLayout.ReferenceVersionOf(Path.Combine("/x", name)));
}
