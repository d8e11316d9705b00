using System.Globalization;

namespace EcodMini.Core.Monitoring;

/// <summary>Short, culture-invariant renderings of sizes, durations and rates shared by alerts, dashboards and reports.</summary>
internal static class MonitorText
{
    public static string Size(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("F1", CultureInfo.InvariantCulture) + " GiB"
        : (bytes / (double)(1L << 20)).ToString("F0", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>"0.5s", "45s", "12m05s", "3h07m", "2d04h".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalDays >= 1) return Invariant($"{(int)span.TotalDays}d{span.Hours:00}h");
        if (span.TotalHours >= 1) return Invariant($"{(int)span.TotalHours}h{span.Minutes:00}m");
        if (span.TotalMinutes >= 1) return Invariant($"{(int)span.TotalMinutes}m{span.Seconds:00}s");
        return span.TotalSeconds < 10 ? Invariant($"{span.TotalSeconds:0.#}s") : Invariant($"{(int)span.TotalSeconds}s");
    }

    public static string Percent(double fraction, int decimals = 1) =>
        (fraction * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";

    public static string Number(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Proteins per hour: "1,234/h" (whole numbers; one decimal below 10).</summary>
    public static string Rate(double perHour) =>
        (perHour < 10 ? perHour.ToString("0.#", CultureInfo.InvariantCulture) : perHour.ToString("N0", CultureInfo.InvariantCulture)) + "/h";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
