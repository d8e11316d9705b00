using EcodMini.Synthetic;

namespace EcodMini.Core.Tests.Synthetic;

public sealed class GeneratorDeterminismTests
{
    private static SyntheticBatchOptions Options(ulong seed) =>
        new() { ProteinCount = 60, Seed = seed, BatchCount = 2, Format = SummaryFormat.Both };

    private static SortedDictionary<string, byte[]> Snapshot(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    [Fact]
    public void Same_seed_gives_byte_identical_trees()
    {
        using var temp = new TempFolder();
        SyntheticBatchGenerator.Generate(temp.Sub("a"), Options(7));
        SyntheticBatchGenerator.Generate(temp.Sub("b"), Options(7) with { MaxDegreeOfParallelism = 1 });
        var a = Snapshot(temp.Sub("a"));
        var b = Snapshot(temp.Sub("b"));

        Assert.Equal(a.Keys, b.Keys);
        Assert.True(a.Count > 60 * 3, "every chain writes a legacy summary, a v1 summary and BLAST XML");
        foreach (var (name, bytes) in a)
            Assert.True(bytes.AsSpan().SequenceEqual(b[name]), $"{name} differs between runs");
    }

    [Fact]
    public void Another_seed_gives_another_tree()
    {
        using var temp = new TempFolder();
        var a = SyntheticBatchGenerator.Generate(temp.Sub("a"), Options(7));
        var b = SyntheticBatchGenerator.Generate(temp.Sub("b"), Options(8));

        Assert.NotEqual(File.ReadAllBytes(a.TruthPath), File.ReadAllBytes(b.TruthPath));
        Assert.NotEqual(a.BatchDirectories.Select(Path.GetFileName), b.BatchDirectories.Select(Path.GetFileName));
    }

    [Fact]
    public void Refuses_a_root_that_already_holds_a_truth_file()
    {
        using var temp = new TempFolder();
        var root = temp.Sub("tree");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "truth.json"), "{}");

        var e = Assert.Throws<IOException>(() => SyntheticBatchGenerator.Generate(root, Options(1)));
        Assert.Contains(root, e.Message);
        Assert.Equal("{}", File.ReadAllText(Path.Combine(root, "truth.json")));
    }

    [Fact]
    public void Reports_progress_and_honours_cancellation()
    {
        using var temp = new TempFolder();
        var reported = new List<int>();
        SyntheticBatchGenerator.Generate(temp.Sub("a"), Options(3), new SynchronousProgress(reported.Add));
        Assert.Equal(60, reported[^1]);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SyntheticBatchGenerator.Generate(temp.Sub("b"), Options(3), null, cts.Token));
        Assert.False(File.Exists(Path.Combine(temp.Sub("b"), "truth.json")));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        private readonly Lock _gate = new();
        public void Report(int value) { lock (_gate) report(value); }
    }
}
