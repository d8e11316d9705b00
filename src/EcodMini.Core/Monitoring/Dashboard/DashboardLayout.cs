using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Tracking;
using Spectre.Console;
using static EcodMini.Core.Monitoring.MonitorText;
using S = EcodMini.Core.Monitoring.Dashboard.DashboardStyles;

namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>
/// Lays a <see cref="DashboardSnapshot"/> out on a screen of a given size: headline figures first, then alerts,
/// per-batch progress and recent jobs as room allows (80x24 shows every section; wider screens get wider bars and
/// longer reasons, taller ones more rows). Pure: the same snapshot and size give the same frame.
/// </summary>
internal sealed class DashboardLayout(int width, int height, bool unicode)
{
    private const int MaxAlertRows = 4, MaxRecentRows = 5;
    private readonly int _width = Math.Max(width, 40);
    // The last screen line stays empty so that nothing ever scrolls.
    private readonly int _rows = Math.Max(height - 1, 8);
    private readonly List<FrameLine> _lines = [];

    /// <summary>How to start a run, shown before the first submission.</summary>
    public const string StartHint = "Find-EcodProtein -BatchRoot <batches> | Submit-EcodJob";

    public DashboardFrame Build(DashboardSnapshot? snapshot, TimeSpan interval, string? error)
    {
        Line().Add("EcodMini production ", S.Title).Add(snapshot is null ? "" : Path.GetFileName(snapshot.TrackingDatabase), S.Dim)
            .Add(snapshot is null ? "" : RunState(snapshot), S.Dim)
            .AddRight(Invariant($"{(snapshot?.TakenAt ?? DateTimeOffset.UtcNow).UtcDateTime:HH:mm:ss} UTC, every {Duration(interval)}"), S.Dim);
        if (error is not null) Line().Add("Refresh failed: " + error, S.Critical);
        if (snapshot is null) return Frame();
        if (snapshot.NoRunsYet) return NoRunsYet(snapshot);

        ProgressBar(snapshot);
        Counts(snapshot);
        ClusterLine(snapshot);
        var st = snapshot.Statistics;
        var eta = st.EstimatedRemaining is { } left
            ? left == TimeSpan.Zero ? "done" : $"{Duration(left)} (at {st.EstimatedCompletion!.Value.UtcDateTime:HH:mm} UTC)"
            : "unknown";
        Line().Add("Throughput ", S.Dim).Add(Rate(st.ThroughputPerHour)).Add(st.IsFinished ? " overall" : " recent", S.Dim)
            .Add("   ETA ", S.Dim).Add(eta).Add("   Success ", S.Dim).Add(Percent(st.SuccessRate));
        Line().Add("Overall ", S.Dim).Add(Rate(st.OverallThroughputPerHour))
            .Add(Invariant($"   Recent ({Duration(st.ThroughputWindow)}) "), S.Dim).Add(Rate(st.RecentThroughputPerHour));
        Line().Add("Coverage ", S.Dim).Add(Number(st.MeanCoverage, "F2")).Add("   Domains ", S.Dim).Add(Number(st.MeanDomainCount, "F1"))
            .Add("   Quality ", S.Dim).Add("good " + Percent(st.Quality.GoodFraction), S.Good)
            .Add(" quest. " + Percent(st.Quality.Total == 0 ? 0 : (double)st.Quality.Questionable / st.Quality.Total), S.Running)
            .Add(" poor " + Percent(st.Quality.PoorFraction), S.Failed);

        AlertsSection(snapshot.Alerts);
        var free = _rows - _lines.Count;
        var recentWanted = Math.Min(MaxRecentRows, Math.Max(snapshot.RecentCompletions.Count, snapshot.RecentFailures.Count));
        var batchWanted = snapshot.Batches.Count;
        // Headings cost a line each; recent jobs get at most half of what is left when there are batches to show.
        var recentRows = recentWanted == 0 ? 0 : Math.Clamp(batchWanted == 0 ? free - 1 : (free - 2) / 2, 0, recentWanted);
        var batchRows = Math.Clamp(free - (recentRows > 0 ? recentRows + 1 : 0) - 1, 0, batchWanted);
        if (batchRows > 0) BatchSection(snapshot.Batches, batchRows);
        if (recentRows > 0) RecentSection(snapshot, recentRows);
        return Frame();
    }

    /// <summary>Who is working: the run holding the lease, else jobs still submitted or running (a cluster run whose Submit-EcodJob ended), else nobody.</summary>
    private static string RunState(DashboardSnapshot s) =>
        s.ActiveRun is { } run ? "  run on " + run.Host
        : s.Running > 0 ? Invariant($"  {s.Running:N0} in flight")
        : "  no run active";

    private DashboardFrame NoRunsYet(DashboardSnapshot s)
    {
        Line().Add("No runs yet", S.Heading).Add(": nothing has been submitted to " + s.TrackingDatabase, S.Dim);
        Line().Add("Start one:  ", S.Dim).Add(StartHint);
        Line().Add("  (see Get-Help about_EcodMini; this view follows the run once the first chain is submitted)", S.Dim);
        return Frame();
    }

    /// <summary>The tracker's view next to what the last squeue poll saw, with the poll's time.</summary>
    private void ClusterLine(DashboardSnapshot s)
    {
        if (s.Cluster is not { } c) return;
        var line = Line().Add(Invariant($"SLURM at {c.PolledAt.UtcDateTime:HH:mm:ss} UTC "), S.Dim);
        if (c.Error is { } error) { line.Add("poll failed: " + error, S.Warning); return; }
        line.Add(Invariant($"{c.Queued:N0} queued, {c.Running:N0} running"), S.Running)
            .Add(Invariant($"   tracker: {s.Running:N0} submitted/running"), S.Dim);
    }

    private void ProgressBar(DashboardSnapshot s)
    {
        var figures = Invariant($" {Percent(s.FinishedFraction)}  {s.Completed + s.Failed:N0}/{s.Total:N0}");
        var line = Line();
        var cells = Math.Max(_width - figures.Length - 1, 10);
        var parts = new[] { (s.Completed, S.Completed), (s.Failed, S.Failed), (s.Running, S.Running) };
        var used = 0;
        var done = 0;
        foreach (var (count, style) in parts)
        {
            done += count;
            var end = s.Total == 0 ? 0 : (int)Math.Round((double)done * cells / s.Total);
            if (end > used) line.Add(new string(unicode ? '█' : '#', end - used), style);
            used = Math.Max(used, end);
        }
        if (cells > used) line.Add(new string(unicode ? '░' : '-', cells - used), S.Pending);
        line.Add(figures, S.Title);
    }

    private void Counts(DashboardSnapshot s)
    {
        string Cell(string name, int n) => Invariant($"{name,-9}{n,8:N0} {Percent(s.Total == 0 ? 0 : (double)n / s.Total),6}");
        if (_width >= 4 * 28)
        {
            Line().Add(Cell("Completed", s.Completed) + "  ", S.Completed).Add(Cell("Failed", s.Failed) + "  ", S.Failed)
                .Add(Cell("Running", s.Running) + "  ", S.Running).Add(Cell("Pending", s.Pending), S.Pending);
            return;
        }
        Line().Add(Cell("Completed", s.Completed), S.Completed).PadTo(30).Add(Cell("Failed", s.Failed), S.Failed);
        Line().Add(Cell("Running", s.Running), S.Running).PadTo(30).Add(Cell("Pending", s.Pending), S.Pending);
    }

    private void AlertsSection(IReadOnlyList<ProductionAlert> alerts)
    {
        if (alerts.Count == 0) { Line().Add("Alerts: none", S.Good); return; }
        Heading(Invariant($"Alerts ({alerts.Count})"));
        var rows = Math.Min(alerts.Count, MaxAlertRows);
        for (var i = 0; i < rows; i++)
        {
            var a = alerts[i];
            var more = i == rows - 1 && alerts.Count > rows ? Invariant($" (+{alerts.Count - rows} more)") : "";
            var critical = a.Severity == AlertSeverity.Critical;
            Line().Add(critical ? " CRIT " : " WARN ", critical ? S.Critical : S.Warning).Add(a.Message + more);
        }
    }

    private static bool IsDone(BatchStatistics b) => b.Total > 0 && b.Pending == 0 && b.Running == 0;

    private static int Finished(BatchStatistics b) => b.Completed + b.Failed;

    private void BatchSection(IReadOnlyList<BatchStatistics> batches, int rows)
    {
        var active = batches.Where(b => !IsDone(b)).ToList();
        var shown = active.Concat(batches.Where(IsDone)).ToList();
        Heading(Invariant($"Batches ({batches.Count}, {batches.Count - active.Count} done)"));
        var visible = shown.Count > rows ? rows - 1 : rows;
        string Figures(BatchStatistics b) =>
            Invariant($" {Percent(b.PercentDone / 100),6} {Finished(b),6:N0}/{b.Total:N0}") + (b.Failed > 0 ? Invariant($" {b.Failed:N0} failed") : "");
        var figureWidth = shown.Take(visible).Max(b => Figures(b).Length);
        // Names as long as they are (up to what leaves a 10-cell bar); the bar takes the rest of the line.
        var nameWidth = Math.Clamp(shown.Take(visible).Max(b => b.BatchName.Length), 8, Math.Max(_width - figureWidth - 12, 8));
        var barCells = Math.Max(_width - nameWidth - 2 - figureWidth, 4);
        foreach (var b in shown.Take(visible))
        {
            var filled = (int)Math.Round(b.PercentDone / 100 * barCells);
            Line().Add(" " + Fit(b.BatchName, nameWidth) + " ")
                .Add(new string(unicode ? '█' : '#', filled), b.Failed > 0 && b.Completed == 0 ? S.Failed : S.Completed)
                .Add(new string(unicode ? '░' : '-', barCells - filled), S.Pending).Add(Figures(b), b.Failed > 0 ? S.Warning : S.Dim);
        }
        if (shown.Count > visible)
        {
            var rest = shown.Skip(visible).ToList();
            Line().Add(Invariant($" +{rest.Count} more batches ({rest.Count(IsDone)} done, {rest.Sum(b => b.Total - Finished(b)):N0} jobs left)"), S.Dim);
        }
    }

    private void RecentSection(DashboardSnapshot s, int rows)
    {
        var half = _width / 2;
        Line().Add("Recent completions", S.Heading).PadTo(half).Add("Recent failures", S.Heading);
        for (var i = 0; i < rows; i++)
        {
            var line = Line();
            if (i < s.RecentCompletions.Count)
            {
                var c = s.RecentCompletions[i];
                line.Add(Fit(" " + c.ProteinId, 12)).Add(Invariant($"{c.DomainCount ?? 0,2} dom {c.Coverage ?? 0,5:F2} cov"))
                    .Add(c.EndTime is { } end ? Invariant($" {end.UtcDateTime:HH:mm:ss}") : "", S.Dim);
            }
            line.PadTo(half);
            if (i < s.RecentFailures.Count)
            {
                var f = s.RecentFailures[i];
                line.Add(Fit(f.ProteinId, 11), S.Failed).Add(f.Status == "failed" ? "" : f.Status.ToUpperInvariant() + " ", S.Failed)
                    .Add(f.Error is null && f.Status != "failed" ? "" : Reports.FailureReasons.Key(f.Status, f.Error));
            }
        }
    }

    private void Heading(string text) => Line().Add(new string(unicode ? '─' : '-', 2) + " " + text + " ", S.Heading);

    private FrameLine Line()
    {
        var line = new FrameLine(_width, unicode);
        if (_lines.Count < _rows) _lines.Add(line);
        return line;
    }

    private DashboardFrame Frame() => new(_lines, _width, _rows);

    private static string Fit(string text, int width) => text.Length > width ? text[..(width - 1)] + "~" : text.PadRight(width);
}
