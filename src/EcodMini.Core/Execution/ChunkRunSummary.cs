namespace EcodMini.Core.Execution;

/// <summary>What one worker run over a chunk did (Stopped: chains skipped at Stop-EcodJob's request, recorded as cancelled).</summary>
public sealed record ChunkRunSummary(
    string ChunkId, string ResultsPath, int Completed, int Failed, int AlreadyRecorded, int NotRun, bool Cancelled, int Stopped = 0);
