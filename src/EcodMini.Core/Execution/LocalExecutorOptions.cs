using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Execution;

/// <summary>How the local executor runs chains.</summary>
public sealed record LocalExecutorOptions
{
    /// <summary>Chunks run at once (one core each).</summary>
    public int ThrottleLimit { get; init; } = Environment.ProcessorCount;
    /// <summary>Chains per chunk (per manifest, per ingestion transaction); small runs use smaller chunks to keep all cores busy.</summary>
    public int ChunkSize { get; init; } = 200;
    /// <summary>Where chunk manifests and result files live; ingested chunks move to its <c>ingested/</c> folder.</summary>
    public required string WorkDirectory { get; init; }
    /// <summary>Reference data folder for the production partition runner (not needed with an injected task function).</summary>
    public string? ReferenceDirectory { get; init; }
    public OutputFormat Format { get; init; } = OutputFormat.V1;
    public PartitionOptions PartitionOptions { get; init; } = new();
}
