using System.Globalization;

namespace EcodMini.Core.Tracking;

/// <summary>How times are stored: UTC ISO-8601 text that sorts in time order (also reads SQLite's CURRENT_TIMESTAMP).</summary>
internal static class TrackingTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static object ToDb(DateTimeOffset? time) => time is null ? DBNull.Value : ToText(time.Value);

    public static DateTimeOffset? Parse(object? value)
    {
        if (value is null || value is DBNull) return null;
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
    }
}
