using System.Text.RegularExpressions;

namespace EcodMini.Core.Slurm;

/// <summary>
/// Validation of every value interpolated into a job script or passed to sbatch. Accepted values hold none of the
/// shell's metacharacters (quotes, $, `, ;, |, &amp;, &lt;, &gt;, spaces, newlines, globs) nor SLURM's % patterns,
/// so single-quoting them is enough and they can never run as code. Pure and thread-safe.
/// </summary>
public static partial class JobScriptValues
{
    /// <summary>A job name or run name: letters, digits, '_', '.', '-' (starting with a letter or digit), at most 100.</summary>
    public static string Name(string setting, string? value) =>
        Check(setting, value, NamePattern(), "letters, digits, '_', '.' or '-' (at most 100, starting with a letter or digit)");

    /// <summary>A partition name or a comma-separated list of them.</summary>
    public static string Partition(string setting, string? value) =>
        Check(setting, value, PartitionPattern(), "a partition name (letters, digits, '_', '.', '-'; several separated by ',')");

    /// <summary>A SLURM time limit: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS, UNLIMITED.</summary>
    public static string Time(string setting, string? value) =>
        Check(setting, value, TimePattern(), "a SLURM time such as 30, 1:00:00 or 2-00:00:00");

    /// <summary>A memory size: a number with an optional K, M, G or T suffix.</summary>
    public static string Memory(string setting, string? value) =>
        Check(setting, value, MemoryPattern(), "a size such as 4G, 500M or 16000");

    /// <summary>An absolute path made of letters, digits and <c>_ . / - + , = @ :</c> (no spaces, quotes, $, %, globs).</summary>
    public static string Path(string setting, string? value)
    {
        var checkedValue = Check(setting, value, PathPattern(), "an absolute path of letters, digits and _ . / - + , = @ : only (no spaces, quotes, $, %, * or other shell characters)");
        if (checkedValue.Split('/').Contains("..")) throw new UnsafeJobValueException(setting, checkedValue, "a path without '..' segments");
        return checkedValue;
    }

    /// <summary>Environment variable names separated by ',' (an <c>--export</c> list; never ALL or NONE mixed in).</summary>
    public static string VariableList(string setting, string? value) =>
        Check(setting, value, VariableListPattern(), "environment variable names separated by ','");

    /// <summary>Wraps a validated value in single quotes for the shell.</summary>
    public static string Quote(string validated) => "'" + validated + "'";

    private static string Check(string setting, string? value, Regex pattern, string expected)
    {
        if (value is null || !pattern.IsMatch(value)) throw new UnsafeJobValueException(setting, value ?? "", expected);
        return value;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\A[A-Za-z0-9_.\-]{1,64}(,[A-Za-z0-9_.\-]{1,64})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionPattern();

    [GeneratedRegex(@"\A((\d{1,4}-)?\d{1,6}(:\d{1,2}){0,2}|UNLIMITED|INFINITE)\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\A\d{1,9}[KMGT]?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex VariableListPattern();

    [GeneratedRegex(@"\A/[A-Za-z0-9_./+,=@:\-]{0,4000}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
