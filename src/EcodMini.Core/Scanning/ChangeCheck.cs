using EcodMini.Core.Model;
using EcodMini.Core.Outputs;
using EcodMini.Core.Provenance;

namespace EcodMini.Core.Scanning;

/// <summary>
/// Decides whether a chain with an output must run again: against the tracker's latest completed attempt when it
/// recorded inputs (files whose stamp is unchanged are not read), else against the input hash and algorithm version
/// the output document itself records. An output that records neither (or cannot be read) counts as done, as before
/// inputs were recorded.
/// </summary>
internal sealed class ChangeCheck(ProvenanceContext context)
{
    public ProvenanceContext Context { get; } = context;

    /// <summary>The reason to run again (null: unchanged, skip) and the fingerprint computed on the way (null when none was needed).</summary>
    public (TaskReason? Reason, InputFingerprint? Inputs) Check(string summaryPath, string? blastPath, string outputPath,
        InputFingerprint? recorded, CancellationToken cancellationToken)
    {
        try { return Compare(summaryPath, blastPath, outputPath, recorded, cancellationToken); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return (TaskReason.Retry, null); }
    }

    private (TaskReason? Reason, InputFingerprint? Inputs) Compare(string summaryPath, string? blastPath, string outputPath,
        InputFingerprint? recorded, CancellationToken cancellationToken)
    {
        if (recorded is not null)
        {
            var now = Context.Fingerprint(summaryPath, blastPath, recorded, cancellationToken);
            return (now.ChangeSince(recorded), now);
        }
        PartitionResult document;
        try { document = PartitionDocumentReader.Read(outputPath); }
        catch (InputFileException) { return (null, null); }
        if (document.InputSha256 is null) return (null, null);
        var current = Context.Fingerprint(summaryPath, blastPath, null, cancellationToken);
        if (!string.Equals(current.SummarySha256, document.InputSha256, StringComparison.OrdinalIgnoreCase)) return (TaskReason.InputChanged, current);
        if (document.AlgorithmVersion.Length > 0 && document.AlgorithmVersion != Context.AlgorithmVersion) return (TaskReason.VersionChanged, current);
        return (null, null);
    }
}
