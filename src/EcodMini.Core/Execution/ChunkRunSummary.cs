namespace EcodMini.Core.Execution;

/// <summary>What one worker run over a chunk did.</summary>
public sealed record ChunkRunSummary(
    string ChunkId, string ResultsPath, int Completed, int Failed, int AlreadyRecorded, int NotRun, bool Cancelled);
