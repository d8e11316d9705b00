using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;

namespace EcodMini.Core.Tests.Pipeline;

public sealed class PartitionRequestPlannerTests
{
    private static readonly ProteinId Id = ProteinId.Parse("8ovp_A");

    [Fact]
    public void An_output_folder_wins_over_a_per_chain_output_path()
    {
        using var temp = new TempFolder();
        var summary = temp.File("8ovp_A.develop291.domain_summary.xml", "<x/>");
        var output = PartitionRequestPlanner.ChooseOutput(summary, Id, temp.File("given.xml"), temp.Sub("out"));
        Assert.Equal(Path.Combine(temp.Sub("out"), BatchLayout.OutputFileName(Id)), output);
        Assert.Equal(temp.File("given.xml"), PartitionRequestPlanner.ChooseOutput(summary, Id, temp.File("given.xml"), null));
        Assert.Null(PartitionRequestPlanner.ChooseOutput(summary, Id, null, null));
    }

    [Fact]
    public void An_output_folder_needs_a_protein_id_in_the_file_name()
    {
        var ex = Assert.Throws<InputFileException>(() => PartitionRequestPlanner.ChooseOutput("/x/summary.xml", null, null, "/out"));
        Assert.Equal("/x/summary.xml", ex.FilePath);
    }

    [Fact]
    public void A_blast_folder_is_used_only_when_the_chain_file_exists_there()
    {
        using var temp = new TempFolder();
        var summary = temp.File(Path.Combine("loose", "8ovp_A.develop291.domain_summary.xml"), "<x/>");
        Assert.Null(PartitionRequestPlanner.ChooseBlast(summary, Id, null, temp.Sub("blasts")));
        var blast = temp.File(Path.Combine("blasts", BatchLayout.BlastFileName(Id)), "<x/>");
        Assert.Equal(blast, PartitionRequestPlanner.ChooseBlast(summary, Id, null, temp.Sub("blasts")));
        Assert.Equal("/given.xml", PartitionRequestPlanner.ChooseBlast(summary, Id, "/given.xml", temp.Sub("blasts")));
    }

    [Theory]
    [InlineData("8ovp_A.chain.blast.xml")]
    [InlineData("chain/8ovp_A.develop291.xml")]
    [InlineData("8ovp_A.develop291.xml")]
    [InlineData("8ovp_A.chain_blast.xml")]
    public void A_blast_folder_is_searched_for_every_original_file_name(string relative)
    {
        using var temp = new TempFolder();
        var summary = temp.File(Path.Combine("loose", "8ovp_A.develop291.domain_summary.xml"), "<x/>");
        var blast = temp.File(Path.Combine("blasts", relative), "<x/>");
        Assert.Equal(blast, PartitionRequestPlanner.ChooseBlast(summary, Id, null, temp.Sub("blasts")));
    }
}
