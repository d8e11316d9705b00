using Spectre.Console;
using static EcodMini.Core.Monitoring.MonitorText;

namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>
/// The live view: draws each refresh in place on the terminal's alternate screen (the user's scrollback is left
/// untouched), redraws the whole screen when the terminal is resized, and on the way out (normal end, Ctrl+C or an
/// error) shows the cursor again, returns to the normal screen and prints one summary line there. Requires an
/// ANSI terminal; use <see cref="PlainDashboard"/> otherwise. Draws on the caller's thread only.
/// </summary>
public sealed class LiveDashboard(IAnsiConsole console, TimeSpan interval) : IDashboardView
{
    private const string Esc = "\u001b";
    private (int Width, int Height) _size;
    private bool _active;

    /// <summary>A live view on this process's terminal (colours and Unicode as the terminal reports them).</summary>
    public static LiveDashboard ForTerminal(TimeSpan interval) => new(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(Console.Out),
    }), interval);

    public void Begin()
    {
        console.Write(new ControlCode(Esc + "[?1049h" + Esc + "[H"));
        console.Cursor.Hide();
        _active = true;
        _size = default;
    }

    public void Draw(DashboardSnapshot? snapshot, string? error)
    {
        var size = (console.Profile.Width, console.Profile.Height);
        // After a resize the old frame's lines may have re-wrapped: clear once, then draw over it as usual.
        console.Write(new ControlCode(size != _size ? Esc + "[2J" + Esc + "[H" : Esc + "[H"));
        _size = size;
        // One column is left free: writing the last column of a line makes some terminals wrap early.
        console.Write(Frame(snapshot, error, size.Width - 1, size.Height, console.Profile.Capabilities.Unicode));
    }

    public void End(DashboardSnapshot? last)
    {
        if (!_active) return;
        _active = false;
        console.Cursor.Show();
        // Blank the alternate screen first: a terminal grown while it was shown (tmux does this) fills the normal
        // screen's new rows from it on the way back.
        console.Write(new ControlCode(Esc + "[H" + Esc + "[2J" + Esc + "[?1049l"));
        if (last is not null) console.Write(new Text(Summary(last) + Environment.NewLine, DashboardStyles.Dim));
    }

    /// <summary>The frame for one refresh at a given screen size (what <see cref="Draw"/> writes, without cursor control).</summary>
    internal DashboardFrame Frame(DashboardSnapshot? snapshot, string? error, int width, int height, bool unicode) =>
        new DashboardLayout(width, height, unicode).Build(snapshot, interval, error);

    /// <summary>The line left on the normal screen: when, how far, and the alerts still active.</summary>
    public static string Summary(DashboardSnapshot s) =>
        Invariant($"EcodMini production at {s.TakenAt.UtcDateTime:HH:mm:ss} UTC: {s.Completed + s.Failed:N0}/{s.Total:N0} finished ({Percent(s.FinishedFraction)}), ") +
        Invariant($"{s.Failed:N0} failed, {s.Running:N0} running, {s.Pending:N0} pending; ") +
        (s.Alerts.Count == 0 ? "no alerts" : Invariant($"alerts: {string.Join(", ", s.Alerts.Select(a => a.Kind))}"));
}
