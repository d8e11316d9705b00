using Spectre.Console;
using Spectre.Console.Rendering;

namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>
/// A whole screen as a Spectre renderable: every line padded with spaces to the full width, placed by cursor position,
/// and the frame padded with blank lines to its height, so drawing it over the previous frame (cursor at home) leaves
/// no stale characters, needs no clearing (no flicker) and never scrolls the terminal.
/// </summary>
internal sealed class DashboardFrame(IReadOnlyList<FrameLine> lines, int width, int height) : IRenderable
{
    public IReadOnlyList<FrameLine> Lines => lines;

    public Measurement Measure(RenderOptions options, int maxWidth) => new(Math.Min(width, maxWidth), Math.Min(width, maxWidth));

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var cells = Math.Min(width, maxWidth);
        for (var i = 0; i < height; i++)
        {
            var length = 0;
            if (i < lines.Count)
            {
                foreach (var segment in lines[i].Segments)
                {
                    yield return segment;
                    length += segment.Text.Length;
                }
            }
            if (length < cells) yield return new Segment(new string(' ', cells - length));
            // Each line is placed by cursor position, not by a line break: a frame that meets a terminal just made
            // smaller (before the next refresh sees the new size) overwrites its last row instead of scrolling.
            if (i < height - 1) yield return Segment.Control($"\u001b[{i + 2};1H");
        }
    }

    /// <summary>The frame as plain text lines, trailing spaces removed (for tests and the final summary).</summary>
    public IReadOnlyList<string> ToPlainLines() =>
        lines.Select(l => string.Concat(l.Segments.Select(s => s.Text)).TrimEnd()).ToList();
}
