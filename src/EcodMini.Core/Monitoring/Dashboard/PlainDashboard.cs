using static EcodMini.Core.Monitoring.MonitorText;

namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>
/// The fallback view for redirected output and hosts without a terminal: one line of plain text per refresh
/// (no escape codes), written through <paramref name="writeLine"/> on the caller's thread.
/// </summary>
public sealed class PlainDashboard(Action<string> writeLine) : IDashboardView
{
    public void Begin() { }

    public void Draw(DashboardSnapshot? snapshot, string? error)
    {
        if (snapshot is not null) writeLine(Format(snapshot) + (error is null ? "" : " read-failed=\"" + error.ReplaceLineEndings(" ") + "\""));
        else if (error is not null) writeLine(Invariant($"{DateTimeOffset.UtcNow.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} read-failed=\"{error.ReplaceLineEndings(" ")}\""));
    }

    public void End(DashboardSnapshot? last) { }

    /// <summary>"2026-12-01T10:00:00Z 1,234/2,000 61.7% completed=1200 failed=34 running=16 pending=750 rate=850/h overall=800/h recent=850/h eta=54m00s cov=0.82 dom=1.9 poor=5.0% alerts=none".</summary>
    public static string Format(DashboardSnapshot s)
    {
        if (s.NoRunsYet)
            return Invariant($"{s.TakenAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} no runs yet in {s.TrackingDatabase}: start one with {DashboardLayout.StartHint}");
        var st = s.Statistics;
        var eta = st.EstimatedRemaining is { } r ? Duration(r) : "unknown";
        var alerts = s.Alerts.Count == 0 ? "none" : string.Join(",", s.Alerts.Select(a => a.Kind));
        return Invariant($"{s.TakenAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {s.Completed + s.Failed:N0}/{s.Total:N0} {Percent(s.FinishedFraction)}") +
            Invariant($" completed={s.Completed} failed={s.Failed} running={s.Running} pending={s.Pending}") +
            Invariant($" rate={Rate(st.ThroughputPerHour)} overall={Rate(st.OverallThroughputPerHour)} recent={Rate(st.RecentThroughputPerHour)} eta={eta} cov={st.MeanCoverage:F2} dom={st.MeanDomainCount:F1} poor={Percent(st.Quality.PoorFraction)} alerts={alerts}") +
            (s.Cluster is not { } c ? "" : c.Failed ? " slurm=poll-failed"
                : Invariant($" slurm={c.Queued}q/{c.Running}r@{c.PolledAt.UtcDateTime:HH:mm:ss}Z"));
    }
}
