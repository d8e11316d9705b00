using System.Text.Json.Serialization;

namespace EcodMini.Core.WorkerModules;

/// <summary>
/// The EcodMini module a run's workers import, pinned at submission: its version and the manifest the head node
/// resolved. <see cref="ImportByName"/> false: jobs import exactly <see cref="ManifestPath"/>; true (slurm.worker_module
/// names a version): jobs import <c>EcodMini -RequiredVersion</c> from the node's module path. Recorded on the run's
/// attempts and in every chunk manifest; a worker that loaded another version refuses the chunk.
/// </summary>
public sealed record WorkerModule
{
    public const string ModuleName = "EcodMini";
    public const string ManifestFileName = ModuleName + ".psd1";

    [JsonPropertyName("version")] public required string Version { get; init; }
    [JsonPropertyName("manifest_path")] public required string ManifestPath { get; init; }
    [JsonPropertyName("import_by_name")] public bool ImportByName { get; init; }

    /// <summary>"EcodMini 1.2.0 (/path/EcodMini.psd1)".</summary>
    public string Describe() => $"{ModuleName} {Version} ({ManifestPath})";

    /// <summary>
    /// Null when <paramref name="loadedVersion"/> is this version (1.2 and 1.2.0.0 are 1.2.0); otherwise the message a
    /// worker logs before it refuses its chunk.
    /// </summary>
    public string? MismatchWith(string loadedVersion, string loadedManifestPath) =>
        SameVersion(Version, loadedVersion) ? null :
            $"this run was submitted for {Describe()}, but this worker loaded {ModuleName} {loadedVersion} ({loadedManifestPath}); " +
            "the worker runs no chain with another version. The pinned module was replaced or removed after submission: " +
            $"put {ModuleName} {Version} back, or submit the chains again as a new run (which uses the version installed now)";

    /// <summary>Versions compared by value, missing parts as 0.</summary>
    public static bool SameVersion(string a, string b) =>
        System.Version.TryParse(a, out var x) && System.Version.TryParse(b, out var y) && Normal(x) == Normal(y);

    private static System.Version Normal(System.Version v) => new(v.Major, v.Minor, Math.Max(v.Build, 0), Math.Max(v.Revision, 0));
}
