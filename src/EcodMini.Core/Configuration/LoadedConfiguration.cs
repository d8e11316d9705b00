namespace EcodMini.Core.Configuration;

/// <summary>
/// A configuration with where it came from. Relative paths in a file resolve against that file's folder (so a run
/// started from any folder finds the same tracking database); built-in defaults resolve against the working directory.
/// </summary>
public sealed record LoadedConfiguration(EcodConfiguration Configuration, ConfigurationSource Source, string? FilePath, string WorkingDirectory)
{
    /// <summary>The folder relative paths are taken from.</summary>
    public string BaseDirectory => FilePath is null ? WorkingDirectory : Path.GetDirectoryName(FilePath) ?? WorkingDirectory;

    public string ResolvePath(string path) => Path.GetFullPath(path, BaseDirectory);
}
