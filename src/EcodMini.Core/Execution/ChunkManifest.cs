using System.Text.Json;
using System.Text.Json.Serialization;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Execution;

/// <summary>
/// The worker contract's input: a JSON file naming a chunk of chains, the reference data and the output format.
/// A worker writes its results to <see cref="ResultsPathFor"/> beside it.
/// </summary>
public sealed record ChunkManifest
{
    public const string ResultsSuffix = ".results.jsonl";

    [JsonPropertyName("chunk_id")] public required string ChunkId { get; init; }
    [JsonPropertyName("format")] public OutputFormat Format { get; init; } = OutputFormat.V1;
    [JsonPropertyName("reference_dir")] public string? ReferenceDirectory { get; init; }
    [JsonPropertyName("options")] public PartitionOptions? Options { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("tasks")] public required IReadOnlyList<ChunkTask> Tasks { get; init; }
    /// <summary>The module the run pinned; a worker that loaded another version refuses the chunk. Null: no pin (older manifests).</summary>
    [JsonPropertyName("worker_module")] public WorkerModules.WorkerModule? WorkerModule { get; init; }

    public static string ResultsPathFor(string manifestPath) => manifestPath + ResultsSuffix;

    public static ChunkManifest Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ChunkManifest>(stream, ExecutionJson.Options)
            ?? throw new InvalidDataException($"Empty chunk manifest: {path}");
    }

    /// <summary>Writes the manifest atomically (temporary file, then rename).</summary>
    public void Write(string path)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
            JsonSerializer.Serialize(stream, this, ExecutionJson.Options);
        File.Move(temporary, path, overwrite: true);
    }
}
