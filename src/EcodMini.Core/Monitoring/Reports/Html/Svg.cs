using System.Globalization;
using System.Net;

namespace EcodMini.Core.Monitoring.Reports.Html;

/// <summary>Text helpers for hand-written SVG and HTML: invariant numbers, escaped text, nice axis steps.</summary>
internal static class Svg
{
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A round axis maximum at or above <paramref name="max"/> (1, 2, 2.5 or 5 times a power of ten).</summary>
    public static double NiceMax(double max)
    {
        if (max <= 0 || !double.IsFinite(max)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * power >= max) return step * power;
        return 10 * power;
    }

    /// <summary>An axis value for tick labels: whole numbers with thousands separators, or up to two decimals.</summary>
    public static string Tick(double value) => value >= 1000 || value == Math.Floor(value)
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Open(string chart, double width, double height, string label) =>
        $"<svg class=\"chart-svg\" data-chart=\"{E(chart)}\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"100%\" " +
        $"preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{E(label)}\" xmlns=\"http://www.w3.org/2000/svg\">";

    public static string Text(double x, double y, string text, string cssClass = "", string anchor = "middle", string? transform = null) =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"" + (cssClass.Length > 0 ? $" class=\"{cssClass}\"" : "") +
        (transform is null ? "" : $" transform=\"{transform}\"") + $">{E(text)}</text>";

    public static string Rect(double x, double y, double width, double height, string cssClass, string tooltip) =>
        $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(width, 0))}\" height=\"{N(Math.Max(height, 0))}\" class=\"{cssClass}\"><title>{E(tooltip)}</title></rect>";

    public static string Line(double x1, double y1, double x2, double y2, string cssClass) =>
        $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" class=\"{cssClass}\"/>";
}
