using EcodMini.Core.Scanning;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Scanning;

public class BatchScannerTests
{
    private static (TempFolder Temp, BatchFolderBuilder Batches) Layout()
    {
        var temp = new TempFolder();
        var b = new BatchFolderBuilder(temp.Path);
        b.Summary("ecod_batch_001", "1abc_A");
        b.Summary("ecod_batch_001", "1abc_B");
        b.Blast("ecod_batch_001", "1abc_A");
        b.Summary("ecod_batch_002", "2xyz_A");
        b.Output("ecod_batch_002", "2xyz_A");
        b.Summary("other_batch_003", "3def_A");
        b.SummaryFile("ecod_batch_001", "bad-name.develop291.domain_summary.xml");
        b.SummaryFile("ecod_batch_001", "1abc_TOOLONG.develop291.domain_summary.xml");
        b.Summary("ecod_batch_001", "9zzz_A", reference: "develop290");
        return (temp, b);
    }

    [Fact]
    public void FindsSummariesWithPathsAndCountsInvalidNames()
    {
        var (temp, b) = Layout();
        using var _ = temp;
        var result = new BatchScanner(new ScanOptions { BatchRoot = temp.Path, SkipExisting = false }).Scan();

        Assert.Equal(2, result.BatchCount);
        Assert.Equal(3, result.TotalFound);
        Assert.Equal(2, result.InvalidFileNames);
        Assert.Equal(1, result.OtherReferenceVersionFiles);
        Assert.DoesNotContain(result.Tasks, t => t.ProteinId.Contains("bad") || t.ProteinId.Contains("TOOLONG"));
        var a = result.Tasks.Single(t => t.ProteinId == "1abc_A");
        Assert.Equal(("1abc", "A", "ecod_batch_001"), (a.Pdb, a.Chain, a.BatchName));
        Assert.Equal(Path.Combine(b.BatchDirectory("ecod_batch_001"), "blast", "1abc_A.chain.blast.xml"), a.BlastPath);
        Assert.Equal(Path.Combine(b.BatchDirectory("ecod_batch_001"), "mini_domains", "1abc_A.mini.domains.xml"), a.OutputPath);
        Assert.Null(a.ExistingOutput);
        Assert.Null(result.Tasks.Single(t => t.ProteinId == "1abc_B").BlastPath);
        Assert.NotNull(result.Tasks.Single(t => t.ProteinId == "2xyz_A").ExistingOutput);
    }

    [Theory]
    [InlineData("1abc_B.chain.blast.xml")]
    [InlineData("chain/1abc_B.develop291.xml")]
    [InlineData("1abc_B.chain_blast.xml")]
    public void FindsTheRawBlastInEachOriginalLayout(string relative)
    {
        var (temp, b) = Layout();
        using var _ = temp;
        var blast = Path.Combine(b.BatchDirectory("ecod_batch_001"), "blast", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(blast)!);
        File.WriteAllText(blast, "<BlastOutput/>");
        var result = new BatchScanner(new ScanOptions { BatchRoot = temp.Path, SkipExisting = false }).Scan();
        Assert.Equal(blast, result.Tasks.Single(t => t.ProteinId == "1abc_B").BlastPath);
    }

    [Fact]
    public void PatternSelectsBatchFolders()
    {
        var (temp, _) = Layout();
        using var __ = temp;
        var result = new BatchScanner(new ScanOptions { BatchRoot = temp.Path, Pattern = "other_*" }).Scan();
        Assert.Equal(["3def_A"], result.Tasks.Select(t => t.ProteinId));
    }

    [Fact]
    public void SkipExistingSkipsChainsWithOutput()
    {
        var (temp, _) = Layout();
        using var __ = temp;
        var result = new BatchScanner(new ScanOptions { BatchRoot = temp.Path, SkipExisting = true }).Scan();
        Assert.Equal(1, result.SkippedDone);
        Assert.Equal(2, result.ToProcess);
        Assert.DoesNotContain(result.Tasks, t => t.ProteinId == "2xyz_A");
    }

    [Fact]
    public void RepsOnlyKeepsListedChains()
    {
        var (temp, b) = Layout();
        using var __ = temp;
        b.Representatives("# representatives", "1abc_A", "", "2xyz_A  # with output", "not an id");
        var result = new BatchScanner(new ScanOptions { BatchRoot = temp.Path, RepsOnly = true, SkipExisting = false }).Scan();
        Assert.Equal(["1abc_A", "2xyz_A"], result.Tasks.Select(t => t.ProteinId).Order());
        Assert.All(result.Tasks, t => Assert.True(t.IsRepresentative));
        Assert.Equal((2, 1, 1), (result.RepresentativeCount, result.SkippedNotRepresentative, result.InvalidRepresentativeLines));
    }

    [Fact]
    public void RepresentativesGivenDirectlyReplaceTheListFile()
    {
        var (temp, b) = Layout();
        using var _ = temp;
        b.Representatives("1abc_A", "1abc_B", "2xyz_A");
        var result = new BatchScanner(new ScanOptions
        {
            BatchRoot = temp.Path, RepsOnly = true, SkipExisting = false,
            Representatives = new HashSet<string> { "1abc_B" }, RepresentativeSource = "postgresql://db",
        }).Scan();
        Assert.Equal("1abc_B", Assert.Single(result.Tasks).ProteinId);
        Assert.Equal("postgresql://db", result.RepresentativeListPath);
    }

    [Fact]
    public void RepsOnlyWithoutAListIsAClearError()
    {
        var (temp, _) = Layout();
        using var __ = temp;
        var error = Assert.Throws<FileNotFoundException>(() => new BatchScanner(new ScanOptions { BatchRoot = temp.Path, RepsOnly = true }).Scan());
        Assert.Contains("representatives.txt", error.Message);
    }

    [Fact]
    public void FailedChainsAreSkippedUnlessIncludeFailedAndThenComeFirst()
    {
        var (temp, b) = Layout();
        using var __ = temp;
        b.Output("ecod_batch_001", "1abc_B");
        using var db = TrackingTestData.Open(temp.File("t.db"));
        db.RecordResults([TrackingTestData.Result("1abc_B", "ecod_batch_001", ok: false)]);

        var without = new BatchScanner(new ScanOptions { BatchRoot = temp.Path, TrackingDatabase = db }).Scan();
        Assert.Equal((1, 0), (without.SkippedFailed, without.FailedForRetry));
        Assert.DoesNotContain(without.Tasks, t => t.ProteinId == "1abc_B");

        var with = new BatchScanner(new ScanOptions { BatchRoot = temp.Path, TrackingDatabase = db, IncludeFailed = true }).Scan();
        Assert.Equal(1, with.FailedForRetry);
        var first = with.Tasks[0];
        Assert.Equal(("1abc_B", true, JobStatus.Failed), (first.ProteinId, first.IsRetry, first.PreviousStatus));
        Assert.NotNull(first.PreviousAttempt);
        Assert.NotNull(first.ExistingOutput);
    }

    [Fact]
    public void PriorityIsRetryThenEvidenceThenSizeThenBatchThenId()
    {
        using var temp = new TempFolder();
        var b = new BatchFolderBuilder(temp.Path);
        b.Summary("ecod_batch_002", "5bbb_A", evalue: "1e-3", padding: 200_000);  // weak, large
        b.Summary("ecod_batch_002", "4bbb_A", evalue: "1e-3");                    // weak, small, batch 2
        b.Summary("ecod_batch_001", "4aaa_B", evalue: "1e-3");                    // weak, small, batch 1
        b.Summary("ecod_batch_001", "4aaa_A", evalue: "1e-3");                    // weak, small, batch 1
        b.Summary("ecod_batch_002", "3bbb_A", evalue: "1e-40", padding: 200_000); // strong, large
        b.Summary("ecod_batch_002", "2bbb_A", evalue: "1e-40");                   // strong, small
        b.Summary("ecod_batch_002", "1bbb_A", evalue: "1e-3", padding: 400_000);  // failed before
        using var db = TrackingTestData.Open(temp.File("t.db"));
        db.RecordResults([TrackingTestData.Result("1bbb_A", "ecod_batch_002", ok: false)]);

        var options = new ScanOptions { BatchRoot = temp.Path, TrackingDatabase = db, IncludeFailed = true };
        var order = new BatchScanner(options).Scan().Tasks.Select(t => t.ProteinId).ToList();
        Assert.Equal(["1bbb_A", "2bbb_A", "3bbb_A", "4aaa_A", "4aaa_B", "4bbb_A", "5bbb_A"], order);
        Assert.Equal(order, new BatchScanner(options).Scan().Tasks.Select(t => t.ProteinId));

        var limited = new BatchScanner(options with { MaxProteins = 3 }).Scan();
        Assert.Equal(["1bbb_A", "2bbb_A", "3bbb_A"], limited.Tasks.Select(t => t.ProteinId));
        Assert.Equal(4, limited.Deferred);
    }

    [Fact]
    public void QueuesEachOfFortyThousandSummariesInTwentyBatches()
    {
        using var temp = new TempFolder();
        var b = new BatchFolderBuilder(temp.Path);
        for (var batch = 0; batch < 20; batch++)
            for (var i = 0; i < 2000; i++)
                b.Summary($"ecod_batch_{batch:D3}", $"{batch:D2}{i / 100:D2}_{i % 100}");
        var result = new BatchScanner(new ScanOptions { BatchRoot = temp.Path }).Scan();
        // How fast is measured by bench/scan, not here: a timed assertion fails on a loaded machine, not on a slow scanner.
        Assert.Equal(40_000, result.ToProcess);
        Assert.Equal(40_000, result.Tasks.Select(t => (t.ProteinId, t.BatchName)).Distinct().Count());
    }

    [Fact]
    public void CancellationStopsTheScan()
    {
        var (temp, _) = Layout();
        using var __ = temp;
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new BatchScanner(new ScanOptions { BatchRoot = temp.Path }).Scan(cts.Token));
    }
}
