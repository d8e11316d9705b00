using System.Diagnostics;
using System.Globalization;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;

namespace EcodMini.Bench.Partition;

/// <summary>Partitions every <c>*.domain_summary.xml</c> under a folder in one process and prints throughput figures.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: partition <summaries-dir-or-batch-root> <reference-dir> [--threads N] [--format V1|Legacy] [--keep] [--warmup N] [--original]");
            return 2;
        }
        var threads = Environment.ProcessorCount;
        var format = OutputFormat.V1;
        var keep = false;
        var original = false; // --original: the algorithm as specified in ALGORITHM.md (every agreement rule off)
        var warmup = 0;
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] == "--threads" && i + 1 < args.Length) threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--format" && i + 1 < args.Length) format = Enum.Parse<OutputFormat>(args[++i], ignoreCase: true);
            else if (args[i] == "--keep") keep = true;
            else if (args[i] == "--original") original = true;
            else if (args[i] == "--warmup" && i + 1 < args.Length) warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine($"unknown argument {args[i]}"); return 2; }
        }

        var loadClock = Stopwatch.StartNew();
        var reference = ReferenceData.Load(args[1]);
        Console.WriteLine($"reference: {reference} loaded in {loadClock.ElapsedMilliseconds} ms");
        var summaries = Directory.EnumerateFiles(args[0], "*" + BatchLayout.SummarySuffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var outDir = Path.Combine(Path.GetTempPath(), "ecodmini-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        var runner = new ChainPartitionRunner(reference, original ? PartitionOptions.Original : new PartitionOptions(), format);
        // Optional warm-up pass over the first N chains (JIT), not measured.
        Parallel.For(0, Math.Min(warmup, summaries.Length), new ParallelOptions { MaxDegreeOfParallelism = threads },
            i => runner.Run(new PartitionRequest(summaries[i], null, Path.Combine(outDir, "warmup" + i.ToString(CultureInfo.InvariantCulture) + BatchLayout.OutputSuffix))));
        var elapsed = new double[summaries.Length];
        var failures = 0;
        var domains = 0L;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, summaries.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var summary = summaries[i];
            string? blast = null;
            if (BatchLayout.TryGetProteinId(summary, out var id)) blast = BatchLayout.DefaultBlastPath(summary, id);
            var output = Path.Combine(outDir, i.ToString(CultureInfo.InvariantCulture) + BatchLayout.OutputSuffix);
            var result = runner.Run(new PartitionRequest(summary, blast, output));
            elapsed[i] = result.ElapsedMs;
            if (!result.Success)
            {
                Interlocked.Increment(ref failures);
                if (failures <= 5) Console.Error.WriteLine($"FAILED {result.Error}");
            }
            Interlocked.Add(ref domains, result.DomainCount);
        });
        clock.Stop();
        Array.Sort(elapsed);
        var n = summaries.Length;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"chains: {n}");
        Console.WriteLine($"threads: {threads}");
        Console.WriteLine($"format: {format}");
        Console.WriteLine($"wall seconds: {seconds:0.000}");
        Console.WriteLine($"chains/second: {(seconds > 0 ? n / seconds : 0):0.0}");
        Console.WriteLine($"mean ms/chain: {(n > 0 ? elapsed.Average() : 0):0.000}");
        Console.WriteLine($"p95 ms/chain: {(n > 0 ? elapsed[Math.Min(n - 1, (int)Math.Ceiling(n * 0.95) - 1)] : 0):0.000}");
        Console.WriteLine($"domains: {domains}");
        Console.WriteLine($"peak working set MB: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0.0}");
        Console.WriteLine($"failures: {failures}");
        if (keep) Console.WriteLine($"outputs: {outDir}");
        else Directory.Delete(outDir, recursive: true);
        return failures == 0 ? 0 : 1;
    }
}
