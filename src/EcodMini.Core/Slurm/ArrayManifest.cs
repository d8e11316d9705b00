using System.Text.Json;
using System.Text.Json.Serialization;
using EcodMini.Core.Execution;

namespace EcodMini.Core.Slurm;

/// <summary>
/// The file an array job's tasks are given: the chunk manifests of one array, in index order. Task
/// <c>SLURM_ARRAY_TASK_ID</c> = i runs <c>Chunks[i]</c>, which is the run's chunk <c>Offset + i</c> (each array's
/// indices start at 0, so a run split into several arrays keeps its chunk numbering in <see cref="Offset"/>).
/// </summary>
public sealed record ArrayManifest
{
    public const string KindValue = "ecod-array";

    [JsonPropertyName("kind")] public string Kind { get; init; } = KindValue;
    [JsonPropertyName("run")] public required string Run { get; init; }
    [JsonPropertyName("array")] public int Array { get; init; }
    [JsonPropertyName("offset")] public int Offset { get; init; }
    [JsonPropertyName("chunks")] public required IReadOnlyList<string> Chunks { get; init; }

    /// <summary>True when <paramref name="path"/> holds an array manifest rather than a chunk manifest.</summary>
    public static bool TryRead(string path, out ArrayManifest manifest)
    {
        manifest = null!;
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("kind", out var kind) || kind.GetString() != KindValue) return false;
        manifest = document.RootElement.Deserialize<ArrayManifest>(ExecutionJson.Options)
            ?? throw new InvalidDataException($"{path}: empty array manifest");
        return true;
    }

    /// <summary>The chunk manifest for array task <paramref name="taskIdText"/> (SLURM_ARRAY_TASK_ID); relative entries are taken from the array manifest's folder.</summary>
    public string ChunkFor(string path, string? taskIdText)
    {
        if (string.IsNullOrWhiteSpace(taskIdText))
            throw new InvalidDataException($"{path}: is an array manifest but SLURM_ARRAY_TASK_ID is not set; run it as an array task or pass a chunk manifest");
        if (!int.TryParse(taskIdText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || index >= Chunks.Count)
            throw new InvalidDataException($"{path}: SLURM_ARRAY_TASK_ID '{taskIdText}' is not an index of its {Chunks.Count} chunks");
        return Path.GetFullPath(Chunks[index], Path.GetDirectoryName(Path.GetFullPath(path))!);
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
