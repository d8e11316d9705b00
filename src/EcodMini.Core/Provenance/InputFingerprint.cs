namespace EcodMini.Core.Provenance;

/// <summary>
/// What one attempt of a chain ran with: the SHA-256 (and file stamp) of its domain summary and chain BLAST file, the
/// reference data's hash, the algorithm version and the options hash. The tracker keeps it per attempt; a scan compares
/// the current files against the latest completed attempt's.
/// </summary>
public sealed record InputFingerprint
{
    public required string SummarySha256 { get; init; }
    public FileStamp? SummaryStamp { get; init; }
    /// <summary>The chain BLAST file read (null: none).</summary>
    public string? BlastPath { get; init; }
    public string? BlastSha256 { get; init; }
    public FileStamp? BlastStamp { get; init; }
    public required string ReferenceHash { get; init; }
    public required string AlgorithmVersion { get; init; }
    public required string OptionsHash { get; init; }

    /// <summary>
    /// Why a chain with this (current) fingerprint must run again after a completed attempt that recorded
    /// <paramref name="previous"/>; null when nothing changed. Inputs are checked first, then version, then options. The
    /// reference hash is compared only when both sides knew their reference folder.
    /// </summary>
    public TaskReason? ChangeSince(InputFingerprint previous)
    {
        if (!string.Equals(SummarySha256, previous.SummarySha256, StringComparison.Ordinal)
            || !string.Equals(BlastSha256, previous.BlastSha256, StringComparison.Ordinal)
            || (ReferenceHash != ProvenanceContext.NoReference && previous.ReferenceHash != ProvenanceContext.NoReference
                && !string.Equals(ReferenceHash, previous.ReferenceHash, StringComparison.Ordinal)))
            return TaskReason.InputChanged;
        if (!string.Equals(AlgorithmVersion, previous.AlgorithmVersion, StringComparison.Ordinal)) return TaskReason.VersionChanged;
        if (!string.Equals(OptionsHash, previous.OptionsHash, StringComparison.Ordinal)) return TaskReason.OptionsChanged;
        return null;
    }
}
