namespace EcodMini.Core.Configuration;

/// <summary>
/// A configuration with where it came from. Relative paths in a file resolve against that file's folder (so a run
/// started from any folder finds the same tracking database). Without a file, the run's own state (tracking
/// database, logs, work files) lives in the per-user state folder (<see cref="StateHome"/>, e.g.
/// <c>~/.local/state/ecod-mini/</c>) and never in the current folder; batch and reference paths resolve against the
/// working directory.
/// </summary>
public sealed record LoadedConfiguration(EcodConfiguration Configuration, ConfigurationSource Source, string? FilePath, string WorkingDirectory)
{
    /// <summary>The per-user state root the built-in defaults' <c>./ecod-mini/...</c> paths resolve against: $XDG_STATE_HOME, else ~/.local/state.</summary>
    public string StateHome { get; init; } = DefaultStateHome(null);

    /// <summary>The folder relative paths are taken from.</summary>
    public string BaseDirectory => FilePath is null ? WorkingDirectory : Path.GetDirectoryName(FilePath) ?? WorkingDirectory;

    /// <summary>Where run state is taken from: the file's folder, or (no file) the per-user state root.</summary>
    public string StateBaseDirectory => FilePath is null ? StateHome : BaseDirectory;

    public string ResolvePath(string path) => Path.GetFullPath(path, BaseDirectory);

    /// <summary>Each paths.* key as written, as resolved, and whether it exists (read from the disk on each call).</summary>
    public IReadOnlyList<ConfiguredPath> Paths => ConfiguredPath.Of(this);

    /// <summary>A path of the run's own state (paths.tracking_db, paths.work_dir, paths.log_dir), resolved against <see cref="StateBaseDirectory"/>.</summary>
    public string ResolveStatePath(string path) => Path.GetFullPath(path, StateBaseDirectory);

    /// <summary>paths.work_dir, resolved.</summary>
    public string WorkDirectoryPath() => ResolveStatePath(Configuration.Paths.WorkDir);

    /// <summary>paths.log_dir, resolved.</summary>
    public string LogDirectoryPath() => ResolveStatePath(Configuration.Paths.LogDir);

    /// <summary>$XDG_STATE_HOME when it is an absolute path (the XDG rule), else ~/.local/state.</summary>
    public static string DefaultStateHome(Func<string, string?>? environment)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        if (env("XDG_STATE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) return Path.GetFullPath(xdg);
        var home = env("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "state");
    }
}
