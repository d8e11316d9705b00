using System.Text;

namespace EcodMini.Core.Monitoring.Reports.Html;

/// <summary>
/// Inline SVG charts (no script, no external resource): columns, a stacked bar, stacked rows and a time line.
/// Colours come from CSS classes so screen and print styles can differ. Every drawn mark has a tooltip title.
/// </summary>
internal static class SvgCharts
{
    private const double Left = 56, Right = 12, Top = 14;

    /// <summary>View-box widths: a chart in one of two columns, and one across the page (text keeps its size).</summary>
    public const double HalfWidth = 560, FullWidth = 1060;

    /// <summary>Vertical columns with a value axis; labels under the columns (slanted when there are many).</summary>
    public static string Columns(string chart, string label, IReadOnlyList<ChartItem> items, string unit, double width = HalfWidth)
    {
        var (svg, plotW, plotH, max) = StartPlot(chart, label, width, bottom: 46, items.Select(i => i.Value));
        var slot = plotW / Math.Max(items.Count, 1);
        var slanted = items.Count > 10 || items.Any(i => i.Label.Length * 6.5 > slot);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var h = plotH * item.Value / max;
            var x = Left + i * slot + slot * 0.12;
            svg.Append(Svg.Rect(x, Top + plotH - h, slot * 0.76, h, item.CssClass, $"{item.Label}: {Svg.Tick(item.Value)} {unit}"));
            if (item.Value > 0 && slot >= 24) svg.Append(Svg.Text(x + slot * 0.38, Top + plotH - h - 3, Svg.Tick(item.Value), "value"));
            var lx = Left + i * slot + slot / 2;
            svg.Append(slanted
                ? Svg.Text(lx, Top + plotH + 12, item.Label, "axis", "end", $"rotate(-35 {Svg.N(lx)} {Svg.N(Top + plotH + 12)})")
                : Svg.Text(lx, Top + plotH + 16, item.Label, "axis"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One horizontal bar split into segments, with a legend of labels, counts and shares.</summary>
    public static string StackedBar(string chart, string label, IReadOnlyList<ChartItem> items, double width = HalfWidth)
    {
        const double height = 84, barH = 26;
        var total = items.Sum(i => i.Value);
        var svg = new StringBuilder(Svg.Open(chart, width, height, label));
        var x = 8.0;
        var plotW = width - 16;
        svg.Append(Svg.Rect(8, 8, plotW, barH, "track", "total " + Svg.Tick(total)));
        foreach (var item in items.Where(i => i.Value > 0))
        {
            var w = plotW * item.Value / total;
            svg.Append(Svg.Rect(x, 8, w, barH, item.CssClass, $"{item.Label}: {Svg.Tick(item.Value)} ({MonitorText.Percent(item.Value / total)})"));
            x += w;
        }
        var legendX = 8.0;
        foreach (var item in items)
        {
            var share = total > 0 ? MonitorText.Percent(item.Value / total) : "0%";
            svg.Append(Svg.Rect(legendX, 52, 12, 12, item.CssClass, item.Label));
            var text = $"{item.Label} {Svg.Tick(item.Value)} ({share})";
            svg.Append(Svg.Text(legendX + 16, 62, text, "legend", "start"));
            legendX += 30 + text.Length * 6.2;
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One stacked horizontal bar per row (e.g. per batch), scaled to the largest row.</summary>
    public static string StackedRows(string chart, string label, IReadOnlyList<(string Row, IReadOnlyList<ChartItem> Parts)> rows, double width = HalfWidth)
    {
        const double rowH = 18, charWidth = 6.4;
        // Labels get the room their longest needs, up to 40% of the chart; longer ones are cut with an ellipsis.
        var labelW = Math.Min(12 + charWidth * (rows.Count == 0 ? 0 : rows.Max(r => r.Row.Length)), width * 0.4);
        var maxChars = (int)((labelW - 12) / charWidth);
        var height = Top + rows.Count * rowH + 8;
        var max = Math.Max(rows.Count == 0 ? 0 : rows.Max(r => r.Parts.Sum(p => p.Value)), 1);
        var plotW = width - labelW - Right - 40;
        var svg = new StringBuilder(Svg.Open(chart, width, height, label));
        for (var i = 0; i < rows.Count; i++)
        {
            var y = Top + i * rowH;
            var (row, parts) = rows[i];
            svg.Append(Svg.Text(labelW - 6, y + 12, row.Length > maxChars ? row[..(maxChars - 1)] + "…" : row, "axis", "end"));
            var x = labelW;
            foreach (var part in parts.Where(p => p.Value > 0))
            {
                var w = plotW * part.Value / max;
                svg.Append(Svg.Rect(x, y + 2, w, rowH - 5, part.CssClass, $"{row} {part.Label}: {Svg.Tick(part.Value)}"));
                x += w;
            }
            svg.Append(Svg.Text(x + 4, y + 12, Svg.Tick(parts.Sum(p => p.Value)), "value", "start"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line over time with the area under it shaded and a marker per point.</summary>
    public static string TimeLine(string chart, string label, IReadOnlyList<(DateTimeOffset Time, double Value)> points, string unit, double width = HalfWidth)
    {
        var (svg, plotW, plotH, max) = StartPlot(chart, label, width, bottom: 40, points.Select(p => p.Value));
        if (points.Count == 0) return svg.Append(Svg.Text(width / 2, Top + plotH / 2, "no job has finished yet", "axis")).Append("</svg>").ToString();
        double X(int i) => Left + (points.Count == 1 ? plotW / 2 : plotW * i / (points.Count - 1));
        double Y(double v) => Top + plotH - plotH * v / max;
        var line = string.Join(" ", points.Select((p, i) => $"{Svg.N(X(i))},{Svg.N(Y(p.Value))}"));
        svg.Append($"<polygon class=\"area\" points=\"{Svg.N(X(0))},{Svg.N(Top + plotH)} {line} {Svg.N(X(points.Count - 1))},{Svg.N(Top + plotH)}\"/>");
        svg.Append($"<polyline class=\"line\" points=\"{line}\"/>");
        var span = points[^1].Time - points[0].Time;
        var format = span.TotalDays >= 2 ? "MM-dd HH:mm" : "HH:mm";
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 6.0));
        for (var i = 0; i < points.Count; i++)
        {
            var (time, value) = points[i];
            svg.Append($"<circle class=\"dot\" cx=\"{Svg.N(X(i))}\" cy=\"{Svg.N(Y(value))}\" r=\"2.5\"><title>{Svg.E(time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))} UTC: {Svg.Tick(Math.Round(value))} {Svg.E(unit)}</title></circle>");
            if (i % every == 0 || i == points.Count - 1)
                svg.Append(Svg.Text(X(i), Top + plotH + 16, time.UtcDateTime.ToString(format, System.Globalization.CultureInfo.InvariantCulture), "axis"));
        }
        return svg.Append("</svg>").ToString();
    }

    private const double PlotHeight = 240;

    /// <summary>Opens a 240-high chart with a value axis scaled to the largest value; returns the plot area's size.</summary>
    private static (StringBuilder Svg, double PlotW, double PlotH, double Max) StartPlot(string chart, string label, double width, double bottom, IEnumerable<double> values)
    {
        var plotW = width - Left - Right;
        var plotH = PlotHeight - Top - bottom;
        var max = Svg.NiceMax(values.DefaultIfEmpty(0).Max());
        var svg = new StringBuilder(Svg.Open(chart, width, PlotHeight, label));
        AppendValueAxis(svg, max, plotW, plotH);
        return (svg, plotW, plotH, max);
    }

    private static void AppendValueAxis(StringBuilder svg, double max, double plotW, double plotH)
    {
        for (var t = 0; t <= 4; t++)
        {
            var v = max * t / 4;
            var y = Top + plotH - plotH * t / 4;
            svg.Append(Svg.Line(Left, y, Left + plotW, y, t == 0 ? "axis-line" : "grid"));
            svg.Append(Svg.Text(Left - 6, y + 4, Svg.Tick(v), "axis", "end"));
        }
    }
}
