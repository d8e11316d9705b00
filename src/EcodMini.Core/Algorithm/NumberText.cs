using System.Globalization;

namespace EcodMini.Core.Algorithm;

/// <summary>Lenient invariant parsing of e-values (first of a comma list), probabilities and lengths.</summary>
internal static class NumberText
{
    /// <summary>Parses the first value of <c>1e-50</c>, <c>0.0</c>, <c>2.5E-30</c>, <c>1e-5,1e-3</c>. Null/blank text is "absent" (true, null).</summary>
    public static bool TryParseEvalue(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var span = text.AsSpan();
        var comma = span.IndexOf(',');
        if (comma >= 0) span = span[..comma];
        span = span.Trim();
        if (span.Length == 0) return false;
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0) return false;
        value = v;
        return true;
    }

    /// <summary>Probability on a 0-1 or 0-100 scale; blank is absent.</summary>
    public static bool TryParseProbability(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0 || v > 100) return false;
        value = v;
        return true;
    }

    public static bool TryParseLength(string? text, out int value) =>
        int.TryParse(text.AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
}
