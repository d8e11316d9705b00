using EcodMini.Core.Model;

namespace EcodMini.Core.Database;

/// <summary>A candidate read and graded: its result, batch, content hash and quality grade, or why it could not be read.</summary>
public sealed record LoadedChain
{
    public required ImportCandidate Candidate { get; init; }
    public PartitionResult? Result { get; init; }
    public string? BatchName { get; init; }
    /// <summary>The batch folder (parent of mini_domains/) when the file sits in a batch layout.</summary>
    public string? BatchDirectory { get; init; }
    /// <summary>SHA-256 (hex) of the partition file, or of the result's v1.0 document when it has no file.</summary>
    public string? ContentHash { get; init; }
    public string? Grade { get; init; }
    /// <summary>The domain summary the partition was made from, when it can be found.</summary>
    public string? SummaryPath { get; init; }
    /// <summary>SHA-256 of that summary: as the partition recorded it, else of the file at import.</summary>
    public string? SummaryHash { get; init; }
    /// <summary>Per domain (in order), the summary hits that support it.</summary>
    public IReadOnlyList<IReadOnlyList<SupportingHit>> Support { get; init; } = [];
    /// <summary>The tracker's attempt that produced the partition (run, attempt, SLURM job), when the chain came from a tracked job.</summary>
    public Tracking.AttemptProvenance? Attempt { get; init; }
    public string? Error { get; init; }

    public string ProteinId => Result?.ProteinId ?? Candidate.Label;
}
