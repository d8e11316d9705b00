namespace EcodMini.Core.Configuration;

/// <summary>
/// Finds and reads the configuration. Lookup order: an explicit path; the file named by ECOD_MINI_CONFIG;
/// <c>config/production.yml</c> under the working directory; the built-in defaults (whose tracker, logs and work files
/// live under the per-user state folder, see <see cref="LoadedConfiguration.StateHome"/>). A path that is named (by
/// parameter or variable) but missing is an error, not a silent fall-through.
/// </summary>
public static class ConfigurationLoader
{
    public const string EnvironmentVariable = "ECOD_MINI_CONFIG";
    public static readonly string RelativeDefaultPath = Path.Combine("config", "production.yml");

    /// <param name="environment">Reads an environment variable (tests pass their own); null uses the process environment.</param>
    public static LoadedConfiguration Load(string? explicitPath = null, string? workingDirectory = null, Func<string, string?>? environment = null)
    {
        var cwd = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        var env = environment ?? Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return FromFile(Path.GetFullPath(explicitPath, cwd), ConfigurationSource.ExplicitPath, cwd, "the caller");
        if (env(EnvironmentVariable) is { Length: > 0 } fromEnv)
            return FromFile(Path.GetFullPath(fromEnv, cwd), ConfigurationSource.EnvironmentVariable, cwd, $"${EnvironmentVariable}");
        var local = Path.Combine(cwd, RelativeDefaultPath);
        if (File.Exists(local)) return FromFile(local, ConfigurationSource.WorkingDirectory, cwd, null);
        return new LoadedConfiguration(EcodConfiguration.Default, ConfigurationSource.BuiltInDefaults, null, cwd) { StateHome = LoadedConfiguration.DefaultStateHome(env) };
    }

    private static LoadedConfiguration FromFile(string path, ConfigurationSource source, string cwd, string? namedBy)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Configuration file not found: {path}{(namedBy is null ? "" : $" (named by {namedBy})")}", path);
        return new LoadedConfiguration(ConfigurationParser.Parse(File.ReadAllText(path), path), source, path, cwd);
    }
}
