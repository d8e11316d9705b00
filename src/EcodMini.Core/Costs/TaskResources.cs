namespace EcodMini.Core.Costs;

/// <summary>What one executor task (a SLURM array task or job) of a run used, as stored in the tracker.</summary>
public sealed record TaskResources
{
    public required string ExecutorJobId { get; init; }
    public string? RunId { get; init; }
    public string? ChunkId { get; init; }
    /// <summary>Chains the task ran.</summary>
    public int Chains { get; init; }
    public string? State { get; init; }
    public long? MaxRssBytes { get; init; }
    public TimeSpan? Elapsed { get; init; }
    public TimeSpan? TotalCpu { get; init; }
}
