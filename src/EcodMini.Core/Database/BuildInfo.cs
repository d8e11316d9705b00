using System.Reflection;

namespace EcodMini.Core.Database;

/// <summary>
/// What the build embedded: the git commit (AssemblyMetadata "GitCommit", set from <c>git rev-parse HEAD</c> at build
/// time; <see cref="UnknownCommit"/> when the build ran outside a git checkout) and the module version.
/// </summary>
public static class BuildInfo
{
    public const string UnknownCommit = "unknown";

    public static string GitCommit { get; } = Metadata("GitCommit") is { Length: > 0 } commit ? commit : UnknownCommit;

    public static string ModuleVersion { get; } =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? typeof(BuildInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    private static string? Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
