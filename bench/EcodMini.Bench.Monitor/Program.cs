using System.Diagnostics;
using System.Globalization;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Dashboard;
using EcodMini.Core.Monitoring.Reports;
using EcodMini.Core.Monitoring.Reports.Html;
using EcodMini.Core.Tracking;
using Spectre.Console;

namespace EcodMini.Bench.Monitor;

/// <summary>
/// Times, on a tracker of N jobs (default 40,000) opened read-only: one statistics call (with its alerts), one
/// dashboard refresh (snapshot + an 80x24 frame drawn to a console), and one report (JSON and HTML). Prints
/// mean / p50 / p95 / max per operation and the ratio to the 200 ms budget.
/// </summary>
internal static class Program
{
    private const double BudgetMs = 200;

    private static int Main(string[] args)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        // A third argument keeps the tracker in that folder (and reuses one already there).
        var keep = args.Length > 2 ? Path.GetFullPath(args[2]) : null;
        var folder = keep ?? Path.Combine(Path.GetTempPath(), "ecodmini-bench-monitor-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "tracking.db");
            var clock = Stopwatch.StartNew();
            if (!File.Exists(path)) TrackerBuilder.Build(path, jobs, DateTimeOffset.UtcNow.AddHours(-12));
            Console.WriteLine($"tracker            : {jobs:N0} jobs built in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(path).Length / 1048576.0:F1} MB)");

            using var db = TrackingDatabase.Open(path, new TrackingOpenOptions { ReadOnly = true });
            var monitor = new ProductionMonitor(db, new MonitorOptions { OutputPaths = [folder] });
            var output = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.TrueColor, Out = new AnsiConsoleOutput(output) });
            console.Profile.Width = 80;
            console.Profile.Height = 24;
            var view = new LiveDashboard(console, TimeSpan.FromSeconds(5));

            // Measured twice, alternating, so neither gains from going second (warm caches, finished tier-up).
            var refresh = Time(rounds, () => { output.GetStringBuilder().Clear(); view.Draw(monitor.Snapshot(), null); });
            var statistics = Time(rounds, () => monitor.StatisticsWithAlerts());
            refresh = Time(rounds, () => { output.GetStringBuilder().Clear(); view.Draw(monitor.Snapshot(), null); });
            var snapshot = monitor.Snapshot();
            var frame = Time(rounds, () => { output.GetStringBuilder().Clear(); view.Draw(snapshot, null); });
            var report = Time(Math.Max(rounds / 4, 3), () =>
            {
                var r = monitor.Report();
                ReportJsonWriter.ToJson(r);
                HtmlReportWriter.ToHtml(r);
            });

            Console.WriteLine($"snapshot           : {snapshot.Total:N0} jobs, {snapshot.Completed:N0} completed, {snapshot.Failed:N0} failed, {snapshot.Running:N0} running, {snapshot.Pending:N0} pending, {snapshot.Batches.Count} batches, {snapshot.Alerts.Count} alerts");
            Print("statistics call", statistics, rounds);
            Print("dashboard refresh", refresh, rounds);
            Print("  of which drawing", frame, rounds, budget: false);
            Print("report (json+html)", report, Math.Max(rounds / 4, 3), budget: false);
            Console.WriteLine($"load average       : {LoadAverage()} (2 cores here; wall times grow with it, CPU times do not)");
            return statistics.P50 < BudgetMs && refresh.P50 < BudgetMs ? 0 : 1;
        }
        finally
        {
            if (keep is null) Directory.Delete(folder, recursive: true);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Wall-clock percentiles, and the mean CPU time of this process per call (steady when other work loads the machine).</summary>
    private static (double Mean, double P50, double P95, double Max, double Cpu) Time(int rounds, Action action)
    {
        for (var i = 0; i < 10; i++) action(); // warm-up (tiered JIT, SQLite page cache), not measured
        var ms = new double[rounds];
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            ms[i] = clock.Elapsed.TotalMilliseconds;
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
        Array.Sort(ms);
        return (ms.Average(), TimingSummary.Percentile(ms, 0.5), TimingSummary.Percentile(ms, 0.95), ms[^1], cpu);
    }

    private static void Print(string name, (double Mean, double P50, double P95, double Max, double Cpu) t, int rounds, bool budget = true) =>
        Console.WriteLine($"{name,-19}: wall mean {t.Mean,6:F1} p50 {t.P50,6:F1} p95 {t.P95,6:F1} max {t.Max,6:F1} ms; cpu {t.Cpu,6:F1} ms/call ({rounds} rounds)" +
            (budget ? $"; p50/budget {t.P50 / BudgetMs:F2}" : ""));
}
