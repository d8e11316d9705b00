using EcodMini.Core.Model;

namespace EcodMini.Core.Database;

/// <summary>
/// One chain to import: a partition file (read when its batch is imported) or a result already in memory, the batch
/// it belongs to (null: the file's own batch_id, else its batch folder's name) and the tracker's job row, if any.
/// </summary>
public sealed record ImportCandidate
{
    public string? Path { get; init; }
    public PartitionResult? Result { get; init; }
    public string? BatchName { get; init; }
    public long? JobRef { get; init; }
    /// <summary>What the caller passed (returned on the per-chain record and errors).</summary>
    public object? Source { get; init; }

    /// <summary>A label for messages: the protein id when known, else the file.</summary>
    public string Label => Result?.ProteinId ?? Path ?? "(unnamed)";
}
