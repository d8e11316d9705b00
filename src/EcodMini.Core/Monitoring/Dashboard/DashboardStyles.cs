using Spectre.Console;

namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>The dashboard's colours: one per job state, plus headings, dim text and alert levels.</summary>
internal static class DashboardStyles
{
    public static Style Title { get; } = new(Color.White, decoration: Decoration.Bold);
    public static Style Heading { get; } = new(Color.SteelBlue1, decoration: Decoration.Bold);
    public static Style Dim { get; } = new(Color.Grey);
    public static Style Completed { get; } = new(Color.Green);
    public static Style Failed { get; } = new(Color.Red);
    public static Style Running { get; } = new(Color.Yellow);
    public static Style Pending { get; } = new(Color.Grey42);
    public static Style Critical { get; } = new(Color.Red, decoration: Decoration.Bold);
    public static Style Warning { get; } = new(Color.Yellow);
    public static Style Good { get; } = new(Color.Green);
}
