using Spectre.Console;
using Spectre.Console.Rendering;

namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>
/// One screen line under construction: styled spans that never exceed the width (text past it is cut and marked
/// with an ellipsis), so a frame never wraps, whatever the data.
/// </summary>
internal sealed class FrameLine(int width, bool unicode)
{
    private readonly List<Segment> _segments = [];

    public int Length { get; private set; }
    public int Remaining => Math.Max(0, width - Length);
    public IReadOnlyList<Segment> Segments => _segments;

    public FrameLine Add(string text, Style? style = null)
    {
        if (text.Length == 0 || Length >= width) return this;
        if (text.Length > Remaining)
            text = Remaining <= 1 ? text[..Remaining] : text[..(Remaining - 1)] + (unicode ? "…" : "~");
        _segments.Add(new Segment(text, style ?? Style.Plain));
        Length += text.Length;
        return this;
    }

    /// <summary>Pads with spaces up to column <paramref name="column"/> (no-op when already past it).</summary>
    public FrameLine PadTo(int column) => column > Length ? Add(new string(' ', Math.Min(column, width) - Length)) : this;

    /// <summary>Adds text right-aligned at the end of the line when it fits after at least one space.</summary>
    public FrameLine AddRight(string text, Style? style = null)
    {
        if (text.Length + 1 > Remaining) return this;
        PadTo(width - text.Length);
        return Add(text, style);
    }
}
