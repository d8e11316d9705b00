using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;

namespace EcodMini.Core.Provenance;

/// <summary>
/// What every chain of a scan or run shares: the reference data's hash, the algorithm version and the options hash;
/// and the per-chain fingerprinting that reuses a recorded file hash while the file's stamp is unchanged.
/// </summary>
public sealed record ProvenanceContext(string ReferenceHash, string AlgorithmVersion, string OptionsHash)
{
    /// <summary>The hash when no reference folder is known.</summary>
    public const string NoReference = "none";

    public static ProvenanceContext For(string? referenceDirectory, PartitionOptions options, CancellationToken cancellationToken = default) =>
        new(ReferenceHashOf(referenceDirectory, cancellationToken), AlgorithmInfo.Version, Provenance.OptionsHash.Compute(options));

    /// <summary>
    /// SHA-256 over the names and SHA-256 of the reference CSV files present in the folder (the reference data's
    /// version as the partitioner sees it); <see cref="NoReference"/> when the folder is not given or missing.
    /// </summary>
    public static string ReferenceHashOf(string? directory, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory)) return NoReference;
        var parts = new List<string>();
        foreach (var name in new[] { ReferenceData.DefinitionsFile, ReferenceData.DomainLengthsFile, ReferenceData.ProteinLengthsFile, ReferenceData.BlacklistFile })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path)) parts.Add($"{name}={FileHasher.Sha256(path, cancellationToken)}");
        }
        return FileHasher.Sha256OfText(string.Join("\n", parts));
    }

    /// <summary>
    /// The chain's fingerprint now. A file whose stamp (size, mtime, inode) equals the one <paramref name="recorded"/>
    /// holds keeps the recorded hash; any other file is read and hashed.
    /// </summary>
    public InputFingerprint Fingerprint(string summaryPath, string? blastPath, InputFingerprint? recorded, CancellationToken cancellationToken = default)
    {
        var summaryStamp = FileStamp.Read(summaryPath);
        var summarySha = recorded is not null && summaryStamp is not null && summaryStamp == recorded.SummaryStamp
            ? recorded.SummarySha256
            : FileHasher.Sha256(summaryPath, cancellationToken);
        FileStamp? blastStamp = null;
        string? blastSha = null;
        if (blastPath is not null && (blastStamp = FileStamp.Read(blastPath)) is not null)
        {
            blastSha = recorded is not null && recorded.BlastSha256 is not null && blastStamp == recorded.BlastStamp
                       && string.Equals(blastPath, recorded.BlastPath, StringComparison.Ordinal)
                ? recorded.BlastSha256
                : FileHasher.Sha256(blastPath, cancellationToken);
        }
        return new InputFingerprint
        {
            SummarySha256 = summarySha, SummaryStamp = summaryStamp,
            BlastPath = blastSha is null ? null : blastPath, BlastSha256 = blastSha, BlastStamp = blastSha is null ? null : blastStamp,
            ReferenceHash = ReferenceHash, AlgorithmVersion = AlgorithmVersion, OptionsHash = OptionsHash,
        };
    }

    /// <summary>A fingerprint from another context (e.g. the scan's) brought to this one: file hashes kept, shared values replaced.</summary>
    public InputFingerprint Adopt(InputFingerprint scanned) =>
        scanned with { ReferenceHash = ReferenceHash, AlgorithmVersion = AlgorithmVersion, OptionsHash = OptionsHash };
}
