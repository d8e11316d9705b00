namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>Where <see cref="DashboardLoop"/> draws: the live screen or one plain line per refresh.</summary>
public interface IDashboardView
{
    void Begin();

    /// <summary>Draws a refresh: the latest snapshot (null until one was read) and the last read's error, if it failed.</summary>
    void Draw(DashboardSnapshot? snapshot, string? error);

    /// <summary>Restores the terminal; called once, also after Ctrl+C or a failure.</summary>
    void End(DashboardSnapshot? last);
}
