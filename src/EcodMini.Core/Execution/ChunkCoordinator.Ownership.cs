using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>
/// Ownership by executor, and repairs from evidence: only the executor that started an attempt can tell whether its
/// worker lives, and only a result file (or the executor's verdict) may change a settled state.
/// </summary>
public sealed partial class ChunkCoordinator
{
    /// <summary>An attempt started by a cluster executor this (in-process) launcher cannot poll: never claimed, cancelled or requeued here.</summary>
    private bool IsForeign(OpenAttempt a) =>
        _launcher is not IClusterLauncher && a.Launcher is { Length: > 0 } launcher && !string.Equals(launcher, _launcher.Name, StringComparison.Ordinal);

    private Dictionary<string, int> ForeignRuns(int heldChains) => heldChains == 0 ? []
        : _foreign.GroupBy(a => a.RunId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private void LogForeign(int heldChains)
    {
        foreach (var run in _foreign.GroupBy(a => (a.RunId, a.Launcher)))
            _log.Write($"{run.Count()} chain(s) are held by {run.Key.Launcher} run {run.Key.RunId}: left to it ({heldChains} of the chains given are among them)");
    }

    /// <summary>
    /// Chains an earlier command settled as cancelled or lost (requeued) without a result, whose attempt's result file
    /// (in the work folder or archived under <c>ingested/</c>) does hold a record for that attempt: the record is
    /// new evidence and is recorded now (only while that attempt is still the chain's current one). This repairs the
    /// states older versions left (Stop-EcodJob after the chains had finished) and a chain that finished while
    /// being cancelled.
    /// </summary>
    public IngestSummary RepairFromResultFiles()
    {
        var total = IngestSummary.Empty;
        foreach (var file in _tracker.GetEndedWithoutResult().GroupBy(a => a.ResultsPath!, StringComparer.Ordinal))
        {
            var path = File.Exists(file.Key) ? file.Key
                : Path.Combine(Path.GetDirectoryName(file.Key) ?? "", ResultFileIngestor.IngestedFolder, Path.GetFileName(file.Key));
            if (!File.Exists(path)) continue;
            var ids = file.Select(a => a.AttemptId).ToHashSet();
            var records = ResultFileReader.Read(path).Records.Where(r => r.AttemptId is { } id && ids.Contains(id)).ToList();
            if (records.Count == 0) continue;
            var summary = _tracker.RecordResults(records);
            _log.Write($"{path}: {summary.Completed + summary.Failed + summary.Cancelled} chain(s) settled without a result are recorded from it now");
            total = total.Add(summary);
        }
        return total;
    }
}
