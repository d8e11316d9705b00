namespace EcodMini.Core.Tracking;

/// <summary>What names one start of a chain: the attempt, its chain and batch, the run and chunk, the executor that
/// launched it and where its worker writes results. Shared by the attempt history and the tracker's open attempts.</summary>
public abstract record AttemptIdentity
{
    public long AttemptId { get; init; }
    public long JobRef { get; init; }
    public required string ProteinId { get; init; }
    public required string BatchName { get; init; }
    public int AttemptNumber { get; init; }
    public required string RunId { get; init; }
    /// <summary>The launcher that started it (<c>local</c>, <c>slurm</c>): only that executor can say whether its worker lives.</summary>
    public string? Launcher { get; init; }
    public string? ChunkId { get; init; }
    /// <summary>The executor's id: a SLURM job or array task id (<c>123</c>, <c>123_4</c>), or a local worker thread's id.</summary>
    public string? ExecutorJobId { get; init; }
    public string? ResultsPath { get; init; }
}
