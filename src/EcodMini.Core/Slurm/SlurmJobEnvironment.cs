using System.Text.RegularExpressions;

namespace EcodMini.Core.Slurm;

/// <summary>
/// What a job's environment may hold: an explicit list passed as <c>sbatch --export=A,B,...</c> (without ALL, so
/// nothing else of the head node's environment reaches the job or slurmctld), and the secrets removed from sbatch's
/// own environment. The list is the worker's needs (PATH, HOME, locale, .NET and the PowerShell module path) plus
/// <c>slurm.export_variables</c>; a secret (the database password variable) can never be on it. Pure and thread-safe.
/// </summary>
public static partial class SlurmJobEnvironment
{
    /// <summary>What every worker gets: search paths, home, locale, user, temporary folder, .NET and PowerShell module paths.</summary>
    public static IReadOnlyList<string> Defaults { get; } =
        ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER", "LOGNAME", "TMPDIR", "DOTNET_ROOT", "DOTNET_CLI_HOME", "PSModulePath"];

    /// <summary>Variables that hold secrets whatever the configuration says (PostgreSQL's own password variable).</summary>
    public static IReadOnlyList<string> AlwaysSecret { get; } = ["PGPASSWORD"];

    /// <summary>
    /// The <c>--export=</c> argument: the defaults, then <paramref name="extra"/>, each once. Throws
    /// <see cref="UnsafeJobValueException"/> for a name that is not a variable name, or that is a secret.
    /// </summary>
    public static string ExportArgument(IEnumerable<string> extra, IReadOnlyCollection<string> secrets)
    {
        var names = new List<string>();
        foreach (var name in Defaults.Concat(extra))
        {
            if (!NamePattern().IsMatch(name))
                throw new UnsafeJobValueException("slurm.export_variables", name, "an environment variable name (letters, digits and '_', not starting with a digit)");
            if (secrets.Contains(name, StringComparer.Ordinal) || AlwaysSecret.Contains(name, StringComparer.Ordinal))
                throw new UnsafeJobValueException("slurm.export_variables", name, "a variable that holds no secret (the database password never goes to a job)");
            if (!names.Contains(name, StringComparer.Ordinal)) names.Add(name);
        }
        return "--export=" + string.Join(',', names);
    }

    /// <summary>The variables removed from sbatch's own environment: the configured secrets and PostgreSQL's.</summary>
    public static IReadOnlyList<string> Unset(IEnumerable<string> secrets) => secrets.Concat(AlwaysSecret).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
