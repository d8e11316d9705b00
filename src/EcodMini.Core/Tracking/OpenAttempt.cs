namespace EcodMini.Core.Tracking;

/// <summary>An attempt the tracker has as running: which chain, which run and chunk, where its worker writes results.</summary>
public sealed record OpenAttempt
{
    public long AttemptId { get; init; }
    public long JobRef { get; init; }
    public required string ProteinId { get; init; }
    public required string BatchName { get; init; }
    public int AttemptNumber { get; init; }
    public required string RunId { get; init; }
    /// <summary>The launcher that started it ("local", "slurm"): only that executor can say whether its worker lives.</summary>
    public string Launcher { get; init; } = "";
    public string? ChunkId { get; init; }
    /// <summary>The executor's job id (a SLURM array task, a local thread), once launched.</summary>
    public string? ExecutorJobId { get; init; }
    public string? ResultsPath { get; init; }
    public string? OutputPath { get; init; }
    public string? SummaryPath { get; init; }
    public string? BlastPath { get; init; }
}
