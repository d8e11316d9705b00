using EcodMini.Core.Execution;
using EcodMini.Core.Model;
using EcodMini.Core.Monitoring;
using EcodMini.Core.RunComparison;
using EcodMini.Core.Tests.Execution;
using EcodMini.Core.Tests.Tracking;

namespace EcodMini.Core.Tests.RunComparison;

public class RunComparerTests
{
    private static ChainSnapshot Chain(string id, string quality, params string[] domains) => new()
    {
        ProteinId = id, BatchName = "b1", Quality = quality, Domains = domains.Select(SnapshotDomain.Parse).OfType<SnapshotDomain>().ToList(),
    };

    [Fact]
    public void EachKindOfChangeIsFoundAndCounted()
    {
        IReadOnlyList<ChainSnapshot> before =
        [
            Chain("1abc_A", "good", "1-100|t1|h1", "101-200|t2|h2"),
            Chain("2abc_A", "good", "1-100|t1|h1"),
            Chain("3abc_A", "good", "1-100|t1|h1", "101-200|t2|h2"),
            Chain("4abc_A", "good", "1-100|t1|h1"),
            Chain("5abc_A", "good", "1-100|t1|h1"),
            Chain("6abc_A", "good", "1-100|t1|h1"),
        ];
        IReadOnlyList<ChainSnapshot> after =
        [
            Chain("1abc_A", "good", "1-100|t1|h1", "101-200|t2|h2"),
            Chain("2abc_A", "good", "1-60|t1|h1", "61-100|t3|h3"),
            Chain("3abc_A", "good", "1-88|t1|h1", "89-203|t2|h2"),
            Chain("4abc_A", "good", "1-100|t9|h9"),
            Chain("5abc_A", "poor", "1-100|t1|h1"),
            Chain("7abc_A", "good", "1-100|t1|h1"),
        ];
        var (changes, summary) = RunComparer.Compare(before, after, "run a", "run b");

        Assert.Equal(["2abc_A", "3abc_A", "4abc_A", "5abc_A", "6abc_A", "7abc_A"], changes.Select(c => c.ProteinId));
        Assert.Equal(ChainChangeKind.DomainCountChanged, changes[0].Kind);
        Assert.Equal((ChainChangeKind.BoundaryShift, 12), (changes[1].Kind, changes[1].LargestShift!.Value));
        Assert.Equal(ChainChangeKind.ClassificationChanged, changes[2].Kind);
        Assert.Equal((ChainChangeKind.QualityChanged, "good", "poor"), (changes[3].Kind, changes[3].QualityBefore, changes[3].QualityAfter));
        Assert.Equal(ChainChangeKind.Removed, changes[4].Kind);
        Assert.Equal(ChainChangeKind.Added, changes[5].Kind);
        Assert.Equal((6, 6, 1, 6, 1, 1, 1, 1, 1, 1, 12),
            (summary.ChainsBefore, summary.ChainsAfter, summary.Unchanged, summary.Changed, summary.Added, summary.Removed,
             summary.DomainCountChanged, summary.BoundaryShift, summary.ClassificationChanged, summary.QualityChanged, summary.LargestShift));
    }

    [Fact]
    public void TwoTrackerRunsThatDifferInKnownChainsCompareToExactlyThoseChains()
    {
        using var temp = new TempFolder();
        using var db = TrackingTestData.Open(temp.File("t.db"));
        var tasks = ExecutionTestData.Tasks(temp.Path, 6);
        var options = ChunkCoordinatorTests.Options(temp) with { Submission = new Core.Tracking.SubmissionRules { Force = true } };
        string Run(Func<ChunkTask, PartitionResult> partition)
        {
            using var launcher = new ThreadLauncher((t, _) => partition(t));
            return new ChunkCoordinator(db, launcher, options).Run(tasks).RunId;
        }
        var first = Run(t => FakePartitioner.Result(t.ProteinId));
        var second = Run(t => t.ProteinId == tasks[2].ProteinId
            ? FakePartitioner.Result(t.ProteinId) with { Domains = [FakePartitioner.Result(t.ProteinId).Domains[0] with { Range = ResidueRange.Parse("1-60,100-130") }] }
            : t.ProteinId == tasks[4].ProteinId ? FakePartitioner.Result(t.ProteinId, success: false)
            : FakePartitioner.Result(t.ProteinId));

        var (changes, summary) = RunComparer.Compare(db.GetRunSnapshots(first, QualityThresholds.Default),
            db.GetRunSnapshots(second, QualityThresholds.Default), first, second);

        Assert.Equal([tasks[2].ProteinId, tasks[4].ProteinId], changes.Select(c => c.ProteinId));
        Assert.Equal((ChainChangeKind.DomainCountChanged, 2, 1), (changes[0].Kind, changes[0].DomainsBefore!.Value, changes[0].DomainsAfter!.Value));
        Assert.Contains(ChainChangeKind.QualityChanged, changes[1].Changes);
        Assert.Equal("failed", changes[1].QualityAfter);
        Assert.Equal((6, 6, 4), (summary.ChainsBefore, summary.ChainsAfter, summary.Unchanged));
    }
}
