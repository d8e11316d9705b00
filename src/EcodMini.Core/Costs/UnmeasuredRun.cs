namespace EcodMini.Core.Costs;

/// <summary>A SLURM run whose ended tasks have no resource figures yet: its first start and, per executor job id, its chunk and chain count.</summary>
public sealed record UnmeasuredRun(string RunId, DateTimeOffset StartedAt, IReadOnlyDictionary<string, (string? ChunkId, int Chains)> Tasks);
