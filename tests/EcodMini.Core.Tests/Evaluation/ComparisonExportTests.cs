using System.Text.Json;
using EcodMini.Core.Evaluation;
using EcodMini.Core.Tests.Synthetic;
using static EcodMini.Core.Tests.Evaluation.Partitions;

namespace EcodMini.Core.Tests.Evaluation;

public sealed class ComparisonExportTests
{
    private static ComparisonReport Report() => new PartitionComparer().Compare(
        PredictedSet.FromResults([Chain("1abc_A", 200, ("1-100", "1.1.1"), ("101-200", "2.2.2")), Failed("3abc_A")]),
        ReferenceSet.FromResults([Chain("1abc_A", 200, ("1-100", "1.1.1"), ("104-200", "2.2.1")), Chain("2abc_A", 300, ("1-300", "1.1.1")), Chain("3abc_A", 100)]));

    [Fact]
    public void Csv_has_a_header_and_one_row_per_reference_chain()
    {
        using var temp = new TempFolder();
        var path = temp.Sub("comparison.csv");
        ComparisonExport.WriteCsv(Report(), path);

        var lines = File.ReadAllLines(path);
        Assert.Equal(ComparisonExport.CsvHeader, lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("1abc_A,ok,,2,2,true,2,1,1,1,1,false,false", lines[1]);
        Assert.Equal("2abc_A,missing,,1,0,false,0,0,0,0,0,false,false", lines[2]);
        Assert.StartsWith("3abc_A,unparseable,", lines[3]);
    }

    [Fact]
    public void Json_holds_the_summary_and_the_chains()
    {
        using var temp = new TempFolder();
        var path = temp.Sub("comparison.json");
        ComparisonExport.WriteJson(Report(), path);

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("chains").GetInt32());
        Assert.Equal(1, summary.GetProperty("missing").GetInt32());
        Assert.Equal(2.0 / 3, summary.GetProperty("boundary_accuracy").GetDouble(), 10);
        Assert.Equal(0.5, summary.GetProperty("t_group_accuracy").GetDouble(), 10);
        Assert.Equal(5, summary.GetProperty("tolerance").GetInt32());
        var chains = doc.RootElement.GetProperty("chains");
        Assert.Equal(3, chains.GetArrayLength());
        Assert.Equal("1abc_A", chains[0].GetProperty("protein_id").GetString());
        Assert.Equal("ok", chains[0].GetProperty("status").GetString());
        Assert.Equal("missing", chains[1].GetProperty("status").GetString());
        Assert.Equal("unparseable", chains[2].GetProperty("status").GetString());
        Assert.True(chains[0].GetProperty("count_match").GetBoolean());
    }
}
