using System.Diagnostics;
using System.Globalization;
using EcodMini.Synthetic;

// Usage: [count=40000] [seed=1] [--keep <dir>]
// Generates into a temporary folder, prints the figures, deletes the folder (unless --keep).
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40_000;
var seed = args.Length > 1 ? ulong.Parse(args[1], CultureInfo.InvariantCulture) : 1UL;
var keep = args.Length > 3 && args[2] == "--keep" ? args[3] : null;
var root = keep ?? Path.Combine(Path.GetTempPath(), $"ecod-synth-bench-{Environment.ProcessId}");

using var process = Process.GetCurrentProcess();
var peak = 0L;
using var sampler = new Timer(_ =>
{
    process.Refresh();
    var ws = process.WorkingSet64;
    if (ws > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, ws);
}, null, 0, 50);

try
{
    var info = SyntheticBatchGenerator.Generate(root, new SyntheticBatchOptions { ProteinCount = count, Seed = seed, BatchCount = Math.Max(1, Math.Min(10, count / 1000)) });
    process.Refresh();
    var peakMb = Math.Max(Interlocked.Read(ref peak), process.PeakWorkingSet64) / (1024.0 * 1024.0);
    long files = 0, bytes = 0;
    foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories))
    {
        files++;
        bytes += file.Length;
    }
    var seconds = info.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chains            : {info.ProteinCount:N0} ({info.RepresentativeCount:N0} representatives, {info.BatchDirectories.Count} batches)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds           : {seconds:F2}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chains/second     : {info.ProteinCount / seconds:N0}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set  : {peakMb:F0} MB"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files written     : {files:N0}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bytes written     : {bytes:N0} ({bytes / (1024.0 * 1024.0):F0} MB)"));
}
finally
{
    if (keep is null && Directory.Exists(root)) Directory.Delete(root, recursive: true);
}
