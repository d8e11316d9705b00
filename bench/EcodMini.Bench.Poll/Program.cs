using System.Diagnostics;
using System.Globalization;
using EcodMini.Core.Execution;
using EcodMini.Core.Processes;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;
using EcodMini.Core.WorkerModules;

// Usage: <tracking.db> [repeat=5]
// The coordinator's steady-state poll of every open task of a tracker (in a running coordinator the open tasks are in
// memory: they are read here once, not timed), against one raw sacct call listing the run's jobs (every job of the run is
// open here: the bench keeps them pending).
// The first poll is not counted (it learns each task's state); then each round times one raw sacct and one poll.
if (args.Length < 1) { Console.Error.WriteLine("usage: <tracking.db> [repeat]"); return 2; }
var repeat = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
IReadOnlyList<OpenAttempt> open;
using (var tracker = TrackingDatabase.Open(args[0], new TrackingOpenOptions { ReadOnly = true })) open = tracker.GetOpenAttempts();
var ids = open.Where(a => a.ExecutorJobId is not null).Select(a => a.ExecutorJobId!).Distinct(StringComparer.Ordinal).ToList();
var runs = open.Select(a => a.RunId).Distinct(StringComparer.Ordinal).ToList();
if (ids.Count == 0) { Console.Error.WriteLine($"{args[0]}: no open SLURM task"); return 1; }

var runId = runs[0];
var options = new SlurmLaunchOptions
{
    RunId = runId, ScriptDirectory = Path.GetTempPath(),
    Script = new JobScriptRequest
    {
        JobName = SlurmLaunchOptions.JobNameFor(runId), Time = "1:00:00", Memory = "1G", LogDirectory = Path.GetTempPath(),
        WorkingDirectory = Path.GetTempPath(), WorkerProgram = ["/unused"], ManifestPath = "/unused",
        Module = new WorkerModule { Version = "0.0", ManifestPath = "/unused" },
    },
};
using var launcher = new SlurmLauncher(new SlurmClient(new ProcessRunner()), options);
launcher.Watch(runs);
var first = launcher.Poll(ids, CancellationToken.None);

var jobs = ids.Select(id => id.Split('_')[0]).Distinct(StringComparer.Ordinal).ToList();
var since = runs.Min(SlurmLauncher.RunStart).ToLocalTime().AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
double RawSacct(out int lines)
{
    var clock = Stopwatch.StartNew();
    var start = new ProcessStartInfo("sacct") { RedirectStandardOutput = true, UseShellExecute = false };
    // By job ids: sacct by --name leaves out pending jobs (they have no start time to match), so only the ids list them all.
    foreach (var a in new[] { "-X", "--parsable2", "--noheader", "--jobs", string.Join(',', jobs), "--starttime", since, $"--format={SacctParser.Format}" })
        start.ArgumentList.Add(a);
    using var sacct = Process.Start(start)!;
    var output = sacct.StandardOutput.ReadToEnd();
    sacct.WaitForExit();
    lines = output.Count(c => c == '\n');
    return clock.Elapsed.TotalSeconds;
}
var raw = new List<double>();
var poll = new List<double>();
var rawLines = 0;
for (var i = 0; i < repeat; i++)
{
    raw.Add(RawSacct(out rawLines));
    var clock = Stopwatch.StartNew();
    launcher.Poll(ids, CancellationToken.None);
    poll.Add(clock.Elapsed.TotalSeconds);
}
static double Median(List<double> v) { var s = v.Order().ToList(); return s[(s.Count - 1) / 2]; }
string List(List<double> v) => string.Join(", ", v.Select(x => x.ToString("F3", CultureInfo.InvariantCulture)));
var phases = first.Values.GroupBy(s => s.Phase).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open tasks polled              : {ids.Count:N0} in {runs.Count} run(s) ({string.Join(", ", phases)}); raw sacct lists {rawLines:N0} lines"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw sacct (the run's {jobs.Count} job ids): {Median(raw):F3} s median of {repeat} ({List(raw)})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steady-state poll (SlurmLauncher.Poll): {Median(poll):F3} s median of {repeat} ({List(poll)})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steady-state poll / raw sacct  : {Median(poll) / Median(raw):F2}x  (goal <= 1.5x)"));
return 0;
