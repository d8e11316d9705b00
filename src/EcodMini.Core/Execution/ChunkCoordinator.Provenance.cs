using EcodMini.Core.Provenance;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>What each started attempt ran with: the chain's input hashes (the scan's when it made them) and this run's shared values.</summary>
public sealed partial class ChunkCoordinator
{
    private ProvenanceContext? _provenance;

    /// <summary>Records the inputs of a chunk's started attempts; a chain whose files cannot be read records none (its worker reports the failure).</summary>
    private void RecordInputs(IReadOnlyList<OpenAttempt> started, Dictionary<(string, string), ProteinTask> byKey, CancellationToken cancellationToken)
    {
        _provenance ??= ProvenanceContext.For(Options.ReferenceDirectory, Options.PartitionOptions, cancellationToken);
        var rows = new List<(long, InputFingerprint, int?)>(started.Count);
        foreach (var attempt in started)
        {
            var task = byKey[(attempt.ProteinId, attempt.BatchName)];
            try
            {
                var inputs = task.Inputs is { } scanned
                    ? _provenance.Adopt(scanned)
                    : _provenance.Fingerprint(task.SummaryPath, task.BlastPath, null, cancellationToken);
                var length = task.SequenceLength ?? EvidencePeek.Peek(task.SummaryPath, 4096).SequenceLength;
                rows.Add((attempt.AttemptId, inputs, length));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _log.Write($"{attempt.ProteinId} ({attempt.BatchName}): inputs not recorded: {ex.Message}");
            }
        }
        _tracker.RecordAttemptInputs(rows);
    }
}
