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
}
