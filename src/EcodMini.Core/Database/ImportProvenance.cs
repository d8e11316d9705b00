namespace EcodMini.Core.Database;

/// <summary>What ran an import: host, module version, git commit of the build. Written into every row's process_parameters.</summary>
public sealed record ImportProvenance
{
    public required string Host { get; init; }
    public required string ModuleVersion { get; init; }
    public required string GitCommit { get; init; }

    public static ImportProvenance Current() => new()
    {
        Host = Environment.MachineName,
        ModuleVersion = BuildInfo.ModuleVersion,
        GitCommit = BuildInfo.GitCommit,
    };
}
