using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>
/// Reads a snapshot, draws it, waits, again: until cancelled (Ctrl+C), or the configured count or completion.
/// A read that fails on the database (busy, locked, briefly unreadable while a writer works) is shown on the next
/// frame with the last good snapshot, and the loop goes on. The view is always ended, whatever stops the loop.
/// </summary>
public static class DashboardLoop
{
    public static DashboardSnapshot? Run(Func<DashboardSnapshot> read, IDashboardView view, DashboardLoopOptions options, CancellationToken cancellationToken)
    {
        DashboardSnapshot? last = null;
        var refreshes = 0;
        view.Begin();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                string? error = null;
                try { last = read(); }
                catch (Exception ex) when (ex is SqliteException or IOException) { error = ex.Message; }
                view.Draw(last, error);
                refreshes++;
                if (options.MaxRefreshes is { } max && refreshes >= max) break;
                if (options.StopWhenDone && last?.IsDone == true) break;
                if (cancellationToken.WaitHandle.WaitOne(options.Interval)) break;
            }
        }
        finally
        {
            view.End(last);
        }
        return last;
    }
}
