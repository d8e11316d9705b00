namespace EcodMini.Core.Execution;

/// <summary>A launched chunk's phase and, for abnormal ends, the executor's words on why.</summary>
public readonly record struct ChunkState(ChunkPhase Phase, string? Detail = null)
{
    /// <summary>True once the worker can no longer write (its result file may then be ingested and archived).</summary>
    public bool IsTerminal => Phase is not (ChunkPhase.Queued or ChunkPhase.Running);
}
