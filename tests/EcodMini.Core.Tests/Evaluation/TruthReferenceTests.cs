using EcodMini.Core.Evaluation;
using EcodMini.Core.Model;
using EcodMini.Synthetic;
using EcodMini.Core.Tests.Synthetic;

namespace EcodMini.Core.Tests.Evaluation;

public sealed class TruthReferenceTests
{
    [Fact]
    public void A_truth_file_loads_as_the_reference_with_categories()
    {
        using var temp = new TempFolder();
        var info = SyntheticBatchGenerator.Generate(temp.Sub("tree"), new SyntheticBatchOptions { ProteinCount = 40, Seed = 5 });
        var truth = TruthSet.Load(info.TruthPath);

        var reference = ReferenceSet.Load(info.TruthPath);

        Assert.Equal(40, reference.Count);
        var first = truth.Chains[0];
        Assert.True(reference.TryGet(first.ProteinId, out var chain));
        Assert.Equal(first.Domains.Select(d => d.Range), chain.Domains.Select(d => d.Range));
        Assert.Equal(first.Category, chain.Category);
    }

    [Fact]
    public void Predictions_equal_to_the_truth_score_perfectly_per_category()
    {
        using var temp = new TempFolder();
        var info = SyntheticBatchGenerator.Generate(temp.Sub("tree"), new SyntheticBatchOptions { ProteinCount = 40, Seed = 6 });
        var truth = TruthSet.Load(info.TruthPath);
        var perfect = truth.Chains.Select(c => new PartitionResult
        {
            Protein = ProteinId.Parse(c.ProteinId),
            SequenceLength = c.Length,
            Domains = c.Domains.Select((d, i) => new PartitionDomain { Number = i + 1, Id = $"{c.ProteinId}_{i + 1:000}", Range = d.Range, TGroup = d.TGroup, Source = "hhsearch" }).ToArray(),
        });

        var report = new PartitionComparer().Compare(PredictedSet.FromResults(perfect), ReferenceSet.FromTruth(truth));

        Assert.Equal(1, report.Summary.DomainCountAccuracy);
        Assert.Equal(1, report.Summary.BoundaryAccuracy);
        Assert.Equal(1, report.Summary.TGroupAccuracy);
        Assert.Equal(1, report.Summary.MeanCoverage);
        Assert.Equal(ChainCategoryNames.All.Order(), report.SummaryByCategory.Keys.Order());
    }

    [Fact]
    public void A_malformed_truth_file_is_an_error_naming_the_file()
    {
        using var temp = new TempFolder();
        var path = temp.Sub("truth.json");
        File.WriteAllText(path, "{\"chains\":[{\"protein_id\":\"1abc_A\"}]}");

        var e = Assert.Throws<InvalidDataException>(() => ReferenceSet.Load(path));
        Assert.Contains(path, e.Message);
    }
}
