using System.Globalization;

namespace EcodMini.Core.Slurm;

/// <summary>Field formats shared by sacct, squeue and scontrol: times, durations, memory sizes.</summary>
internal static class SlurmFieldParser
{
    /// <summary>"2026-11-30T23:36:17" in the cluster's local time; "Unknown", "None", "N/A" or empty give null.</summary>
    public static DateTimeOffset? Time(string text)
    {
        if (!DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeLocal, out var time)) return null;
        return new DateTimeOffset(time);
    }

    /// <summary>"[D-]HH:MM:SS", "MM:SS" or "MM:SS.mmm"; null when malformed.</summary>
    public static TimeSpan? Duration(string text)
    {
        var value = text.Trim();
        if (value.Length == 0) return null;
        var days = 0;
        var dash = value.IndexOf('-');
        if (dash > 0)
        {
            if (!int.TryParse(value[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out days)) return null;
            value = value[(dash + 1)..];
        }
        var parts = value.Split(':');
        if (parts.Length is < 1 or > 3) return null;
        double seconds = 0;
        foreach (var part in parts)
        {
            if (!double.TryParse(part, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return null;
            seconds = seconds * 60 + n;
        }
        if (dash > 0 && parts.Length < 3) seconds *= parts.Length == 1 ? 3600 : 60;
        return TimeSpan.FromDays(days) + TimeSpan.FromSeconds(seconds);
    }

    /// <summary>"1234K", "12M", "2G" or a plain byte count, in kilobytes; null when empty or malformed.</summary>
    public static long? Kilobytes(string text)
    {
        var value = text.Trim();
        if (value.Length == 0) return null;
        var unit = char.ToUpperInvariant(value[^1]);
        double factor = unit switch { 'K' => 1, 'M' => 1024, 'G' => 1024 * 1024, 'T' => 1024d * 1024 * 1024, _ => 1.0 / 1024 };
        var number = char.IsAsciiDigit(value[^1]) ? value : value[..^1];
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? (long)Math.Round(n * factor) : null;
    }
}
