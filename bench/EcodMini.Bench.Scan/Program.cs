using System.Diagnostics;
using System.Globalization;
using EcodMini.Core.Execution;
using EcodMini.Core.Model;
using EcodMini.Core.Provenance;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;

namespace EcodMini.Bench.Scan;

/// <summary>
/// Lays out N chains (default 40,000) in batches of 1,000 (a summary each, a chain BLAST file for every second one),
/// runs them all through the coordinator with a stand-in partitioner (so every attempt records its inputs), then times:
/// the first scan (every summary and BLAST file hashed), rescans of the unchanged root (file stamps only; median of
/// the rounds), and a rescan after one summary changed (exactly that chain must come back as InputChanged).
/// </summary>
internal static class Program
{
    private const int PerBatch = 1000;

    private static int Main(string[] args)
    {
        var chains = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var root = Path.Combine(Path.GetTempPath(), "ecodmini-bench-scan-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var clock = Stopwatch.StartNew();
            var changedSummary = Layout(root, chains);
            Console.WriteLine($"layout             : {chains:N0} chains in {(chains + PerBatch - 1) / PerBatch} batches written in {clock.Elapsed.TotalSeconds:F1} s");
            using var tracker = TrackingDatabase.Open(Path.Combine(root, "tracking.db"));
            var options = new ScanOptions { BatchRoot = root, TrackingDatabase = tracker, SkipExisting = true };

            clock.Restart();
            var first = new BatchScanner(options).Scan();
            var firstSeconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"first scan         : {first.ToProcess:N0} chains queued (New), every input hashed: {firstSeconds:F2} s");

            clock.Restart();
            using (var launcher = new ThreadLauncher((task, _) => Done(task)))
            {
                var run = new ChunkCoordinator(tracker, launcher, new ExecutionOptions
                {
                    WorkDirectory = Path.Combine(root, "work"), ThrottleLimit = 2, ChunkSize = 2000, PollInterval = TimeSpan.FromMilliseconds(20),
                }).Run(first.Tasks);
                Console.WriteLine($"run (stand-in)     : {run.Completed:N0} completed, inputs recorded per attempt, {clock.Elapsed.TotalSeconds:F1} s");
            }

            var times = new List<double>();
            ScanResult again = first;
            for (var i = 0; i < rounds; i++)
            {
                clock.Restart();
                again = new BatchScanner(options).Scan();
                times.Add(clock.Elapsed.TotalSeconds);
            }
            times.Sort();
            var median = times[times.Count / 2];
            Console.WriteLine($"rescan unchanged   : {again.ToProcess:N0} queued, {again.SkippedDone:N0} skipped as unchanged; median {median:F2} s, " +
                              $"min {times[0]:F2} s, max {times[^1]:F2} s over {rounds} rounds ({median * 1e6 / chains:F1} us per chain)");

            clock.Restart();
            var jobs = tracker.GetJobs().Count;
            var jobsSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var recorded = tracker.GetCompletedInputs().Count;
            var inputsSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var stamps = 0;
            foreach (var batch in Directory.EnumerateDirectories(root, "ecod_batch_*"))
                foreach (var file in Directory.EnumerateFiles(Path.Combine(batch, "domains"))) { if (FileStamp.Read(file) is not null) stamps++; }
            Console.WriteLine($"  of which        : tracker jobs {jobs:N0} read in {jobsSeconds:F2} s, recorded inputs {recorded:N0} in {inputsSeconds:F2} s, " +
                              $"{stamps:N0} summary stamps in {clock.Elapsed.TotalSeconds:F2} s");

            File.AppendAllText(changedSummary, "<!-- changed -->");
            clock.Restart();
            var changed = new BatchScanner(options).Scan();
            var found = string.Join(", ", changed.Tasks.Select(t => $"{t.ProteinId} {t.Reason}"));
            Console.WriteLine($"rescan, 1 changed  : {changed.ToProcess} queued ({found}) in {clock.Elapsed.TotalSeconds:F2} s");
            Console.WriteLine($"ratio              : unchanged rescan / first scan = {median / firstSeconds:F2}");
            return changed.ToProcess == 1 && changed.Tasks[0].Reason == TaskReason.InputChanged && again.ToProcess == 0 ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(root, true); } catch (IOException) { }
        }
    }

    /// <summary>Writes the batches; returns the summary the last step changes.</summary>
    private static string Layout(string root, int chains)
    {
        string? middle = null;
        for (var i = 0; i < chains; i++)
        {
            var batch = Path.Combine(root, $"ecod_batch_{i / PerBatch:D3}");
            if (i % PerBatch == 0)
            {
                foreach (var sub in new[] { "domains", "blast", "mini_domains" }) Directory.CreateDirectory(Path.Combine(batch, sub));
            }
            var id = $"{i % 9000 + 1000}_{(char)('A' + i / 9000 % 26)}{(char)('A' + i / (9000 * 26) % 26)}";
            var summary = Path.Combine(batch, "domains", $"{id}.develop291.domain_summary.xml");
            File.WriteAllText(summary, Summary(id, i));
            if (i % 2 == 0) File.WriteAllText(Path.Combine(batch, "blast", $"{id}.chain.blast.xml"), $"<BlastOutput><!-- {id} --></BlastOutput>");
            if (i == chains / 2) middle = summary;
        }
        return middle!;
    }

    private static string Summary(string id, int i) =>
        $"<domain_summary version=\"1.0\"><protein pdb_id=\"{id[..4]}\" chain_id=\"{id[5..]}\" length=\"{120 + i % 700}\"/><evidence>" +
        string.Concat(Enumerable.Range(0, 8).Select(h =>
            $"<hit type=\"domain_blast\" target=\"e{h}abc{h}\" evalue=\"1e-{5 + h}\" query_range=\"{1 + h * 10}-{90 + h * 10}\" target_range=\"1-90\"/>")) +
        "</evidence></domain_summary>";

    /// <summary>The stand-in partitioner: writes a placeholder output and reports success.</summary>
    private static PartitionResult Done(ChunkTask task)
    {
        File.WriteAllText(task.OutputPath, "<partition/>");
        return Result(task);
    }

    private static PartitionResult Result(ChunkTask task) => new()
    {
        Protein = ProteinId.Parse(task.ProteinId), SequenceLength = 200, Coverage = 0.8, Success = true, OutputPath = task.OutputPath,
    };
}
