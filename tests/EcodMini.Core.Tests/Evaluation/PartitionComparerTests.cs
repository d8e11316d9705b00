using EcodMini.Core.Evaluation;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Evaluation.Partitions;

namespace EcodMini.Core.Tests.Evaluation;

public sealed class PartitionComparerTests
{
    private static ComparisonReport Compare(PartitionResult[] reference, PartitionResult[] predicted, int tolerance = 5) =>
        new PartitionComparer(tolerance).Compare(PredictedSet.FromResults(predicted), ReferenceSet.FromResults(reference));

    [Theory]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(-5, true)]
    [InlineData(6, false)]
    [InlineData(-6, false)]
    public void A_boundary_within_the_tolerance_is_found(int shift, bool found)
    {
        var reference = Chain("1abc_A", 300, ("20-150", "1.1.1"));
        var startShifted = Chain("1abc_A", 300, ($"{20 + shift}-150", "1.1.1"));
        var endShifted = Chain("1abc_A", 300, ($"20-{150 + shift}", "1.1.1"));

        Assert.Equal(found ? 1 : 0, Compare([reference], [startShifted]).Chains[0].DomainsFound);
        Assert.Equal(found ? 1 : 0, Compare([reference], [endShifted]).Chains[0].DomainsFound);
    }

    [Fact]
    public void Inner_boundaries_of_discontinuous_domains_count_too()
    {
        var reference = Chain("1abc_A", 520, ("2-248,500-517", "1.1.1"), ("253-499", "2.1.1"));
        var found = Chain("1abc_A", 520, ("4-243,495-517", "1.1.1"), ("249-494", "2.1.1"));
        var innerOff = Chain("1abc_A", 520, ("2-241,500-517", "1.1.1"), ("253-499", "2.1.1"));

        Assert.Equal(2, Compare([reference], [found]).Chains[0].DomainsFound);
        Assert.Equal(1, Compare([reference], [innerOff]).Chains[0].DomainsFound);
    }

    [Fact]
    public void A_different_segment_count_is_not_found()
    {
        var reference = Chain("1abc_A", 520, ("2-248,500-517", "1.1.1"));
        var continuous = Chain("1abc_A", 520, ("2-517", "1.1.1"));
        var split = Chain("2abc_A", 300, ("10-100,104-200", "1.1.1"));

        var report = Compare([reference, Chain("2abc_A", 300, ("10-200", "1.1.1"))], [continuous, split]);

        Assert.All(report.Chains, c => Assert.Equal(0, c.DomainsFound));
        Assert.All(report.Chains, c => Assert.True(c.CountMatch));
        Assert.Equal(0, report.Summary.BoundaryAccuracy);
    }

    [Fact]
    public void Over_and_under_splits_are_flagged()
    {
        var reference = new[] { Chain("1abc_A", 300, ("1-150", "1.1.1"), ("151-300", "1.1.2")), Chain("2abc_A", 300, ("1-300", "1.1.1")) };
        var predicted = new[] { Chain("1abc_A", 300, ("1-300", "1.1.1")), Chain("2abc_A", 300, ("1-150", "1.1.1"), ("151-300", "1.1.1")) };

        var report = Compare(reference, predicted);

        var under = report.Chains.Single(c => c.ProteinId == "1abc_A");
        var over = report.Chains.Single(c => c.ProteinId == "2abc_A");
        Assert.True(under.UnderSplit);
        Assert.False(under.OverSplit);
        Assert.True(over.OverSplit);
        Assert.False(over.UnderSplit);
        Assert.False(under.CountMatch);
        Assert.Equal(1, report.Summary.OverSplit);
        Assert.Equal(1, report.Summary.UnderSplit);
        Assert.Equal(0, report.Summary.DomainCountAccuracy);
        Assert.Equal(1.0, under.ReferenceResiduesCovered);
        Assert.Equal(1.0, over.PredictedCoverage);
    }

    [Fact]
    public void Missing_and_failed_outputs_count_as_wrong()
    {
        var reference = new[] { Chain("1abc_A", 300, ("1-150", "1.1.1"), ("151-300", "1.1.2")), Chain("2abc_A", 300, ("1-300", "1.1.1")), Chain("3abc_A", 300) };
        var predicted = new[] { Chain("1abc_A", 300, ("1-150", "1.1.1"), ("151-300", "1.1.2")), Failed("3abc_A") };

        var report = Compare(reference, predicted);

        Assert.Equal(ComparisonStatus.Ok, report.Chains[0].Status);
        Assert.Equal(ComparisonStatus.Missing, report.Chains[1].Status);
        Assert.Equal(ComparisonStatus.Unparseable, report.Chains[2].Status);
        Assert.Equal("bad input", report.Chains[2].Error);
        var s = report.Summary;
        Assert.Equal(3, s.Chains);
        Assert.Equal(2, s.WithOutput);
        Assert.Equal(1, s.Parseable);
        Assert.Equal(1, s.Missing);
        Assert.Equal(1, s.Unparseable);
        Assert.Equal(1.0 / 3, s.DomainCountAccuracy, 10);
        Assert.Equal(3, s.ReferenceDomains);
        Assert.Equal(2.0 / 3, s.BoundaryAccuracy, 10);
        Assert.Equal(0.5, s.MeanCoverage, 10);
        Assert.False(report.Chains[1].CountMatch);
        Assert.False(report.Chains[2].CountMatch);
    }

    [Fact]
    public void Chains_without_reference_domains_match_when_the_prediction_is_empty()
    {
        var report = Compare([Chain("1abc_A", 200), Chain("2abc_A", 200)], [Chain("1abc_A", 200), Chain("2abc_A", 200, ("1-200", "1.1.1"))]);

        Assert.True(report.Chains[0].CountMatch);
        Assert.Equal(1, report.Chains[0].BoundaryAccuracy);
        Assert.False(report.Chains[1].CountMatch);
        Assert.True(report.Chains[1].OverSplit);
        Assert.Equal(0.5, report.Summary.DomainCountAccuracy);
        Assert.Equal(0, report.Summary.ReferenceDomains);
        Assert.Equal(0.5, report.Summary.BoundaryAccuracy);
    }

    [Fact]
    public void A_set_with_nothing_to_find_scores_one_when_nothing_is_predicted()
    {
        var report = Compare([Chain("1abc_A", 200), Chain("2abc_A", 200)], [Chain("1abc_A", 200), Chain("2abc_A", 200)]);

        Assert.Equal(1, report.Summary.DomainCountAccuracy);
        Assert.Equal(1, report.Summary.BoundaryAccuracy);
        Assert.Equal(1, report.Summary.TGroupAccuracy);
        Assert.Equal(1, report.Summary.MeanCoverage);

        var missing = Compare([Chain("1abc_A", 200)], []);
        Assert.Equal(0, missing.Summary.BoundaryAccuracy);
        Assert.Equal(0, missing.Summary.DomainCountAccuracy);
    }

    [Fact]
    public void T_group_accuracy_is_measured_on_found_domains()
    {
        var reference = Chain("1abc_A", 400, ("1-100", "1.1.1"), ("101-200", "2.2.2"), ("201-300", "3.3.3"), ("301-400", "4.4.4"));
        var predicted = Chain("1abc_A", 400, ("2-99", "1.1.1"), ("101-200", "9.9.9"), ("203-302", "3.3.3"), ("320-400", "4.4.4"));

        var report = Compare([reference], [predicted]);

        var chain = report.Chains[0];
        Assert.Equal(3, chain.DomainsFound);
        Assert.Equal(2, chain.TGroupCorrect);
        Assert.Equal(0.75, chain.BoundaryAccuracy);
        Assert.Equal(2.0 / 3, report.Summary.TGroupAccuracy, 10);
        Assert.Equal(0.75, report.Summary.BoundaryAccuracy);
        Assert.Equal(5, report.Summary.Tolerance);
    }

    [Fact]
    public void Coverage_counts_residues_inside_predicted_domains()
    {
        var reference = Chain("1abc_A", 200, ("1-100", "1.1.1"), ("101-200", "1.1.2"));
        var predicted = Chain("1abc_A", 200, ("1-50", "1.1.1"));

        var chain = Compare([reference], [predicted]).Chains[0];

        Assert.Equal(0.25, chain.PredictedCoverage, 10);
        Assert.Equal(0.25, chain.ReferenceResiduesCovered, 10);
    }

    [Fact]
    public void A_wider_tolerance_finds_more()
    {
        var reference = Chain("1abc_A", 300, ("20-150", "1.1.1"));
        var predicted = Chain("1abc_A", 300, ("30-150", "1.1.1"));

        Assert.Equal(0, Compare([reference], [predicted]).Summary.DomainsFound);
        Assert.Equal(1, Compare([reference], [predicted], tolerance: 10).Summary.DomainsFound);
    }

    [Fact]
    public void Predictions_outside_the_reference_are_listed_not_scored()
    {
        var report = Compare([Chain("1abc_A", 100, ("1-100", "1.1.1"))], [Chain("1abc_A", 100, ("1-100", "1.1.1")), Chain("9zzz_B", 100)]);

        Assert.Single(report.Chains);
        Assert.Equal(["9zzz_B"], report.UnmatchedPredictions);
        Assert.Equal(1, report.Summary.DomainCountAccuracy);
    }

    [Fact]
    public void Chains_come_out_in_protein_id_order_and_cancellation_is_honoured()
    {
        var reference = new[] { Chain("2abc_A", 100), Chain("1abc_B", 100), Chain("1abc_A", 100) };
        var report = Compare(reference, []);
        Assert.Equal(["1abc_A", "1abc_B", "2abc_A"], report.Chains.Select(c => c.ProteinId));

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new PartitionComparer().Compare(PredictedSet.FromResults([]), ReferenceSet.FromResults(reference), cts.Token));
    }

    [Fact]
    public void Rejects_a_negative_tolerance_and_duplicate_reference_chains()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionComparer(-1));
        Assert.Throws<InvalidDataException>(() => ReferenceSet.FromResults([Chain("1abc_A", 10), Chain("1abc_A", 10)]));
    }
}
