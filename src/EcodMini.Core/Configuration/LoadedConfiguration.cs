namespace EcodMini.Core.Configuration;

/// <summary>A configuration with where it came from; relative paths resolve against the working directory.</summary>
public sealed record LoadedConfiguration(EcodConfiguration Configuration, ConfigurationSource Source, string? FilePath, string WorkingDirectory)
{
    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
