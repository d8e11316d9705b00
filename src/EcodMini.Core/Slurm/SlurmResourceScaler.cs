using System.Globalization;

namespace EcodMini.Core.Slurm;

/// <summary>
/// Raises a SLURM time limit or memory size by a factor, for resubmitting jobs that ended TIMEOUT or OUT_OF_MEMORY.
/// Results are whole minutes (time) and whole megabytes (memory), never below the input. Pure and thread-safe.
/// </summary>
public static class SlurmResourceScaler
{
    /// <summary>"1:00:00" x 2 = "2:00:00"; "30" (minutes) x 1.5 = "45:00"; UNLIMITED stays.</summary>
    public static string ScaleTime(string time, double factor)
    {
        var valid = JobScriptValues.Time("slurm.time", time);
        if (valid is "UNLIMITED" or "INFINITE") return valid;
        var minutes = TotalMinutes(valid);
        var scaled = (long)Math.Ceiling(minutes * Math.Max(1, factor));
        var days = scaled / (24 * 60);
        var rest = scaled % (24 * 60);
        var clock = $"{rest / 60}:{rest % 60:00}:00";
        return days > 0 ? $"{days}-{clock}" : clock;
    }

    /// <summary>"4G" x 1.5 = "6144M"; a plain number is megabytes (SLURM's default unit).</summary>
    public static string ScaleMemory(string memory, double factor)
    {
        var valid = JobScriptValues.Memory("slurm.memory", memory);
        var unit = char.ToUpperInvariant(valid[^1]);
        var number = char.IsAsciiDigit(valid[^1]) ? valid : valid[..^1];
        var megabytes = double.Parse(number, CultureInfo.InvariantCulture) * unit switch
        {
            'K' => 1.0 / 1024, 'G' => 1024, 'T' => 1024 * 1024, _ => 1,
        };
        return ((long)Math.Ceiling(megabytes * Math.Max(1, factor))).ToString(CultureInfo.InvariantCulture) + "M";
    }

    /// <summary>The limit in minutes; null for UNLIMITED.</summary>
    public static double? Minutes(string time)
    {
        var valid = JobScriptValues.Time("slurm.time", time);
        return valid is "UNLIMITED" or "INFINITE" ? null : TotalMinutes(valid);
    }

    private static double TotalMinutes(string time)
    {
        var days = 0;
        var rest = time;
        var dash = time.IndexOf('-');
        if (dash > 0) { days = int.Parse(time[..dash], CultureInfo.InvariantCulture); rest = time[(dash + 1)..]; }
        var p = rest.Split(':').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var minutes = dash > 0
            ? p.Length switch { 1 => p[0] * 60, 2 => p[0] * 60 + p[1], _ => p[0] * 60 + p[1] + p[2] / 60 }
            : p.Length switch { 1 => p[0], 2 => p[0] + p[1] / 60, _ => p[0] * 60 + p[1] + p[2] / 60 };
        return days * 24 * 60 + minutes;
    }
}
