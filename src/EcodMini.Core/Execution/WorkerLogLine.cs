using System.Globalization;

namespace EcodMini.Core.Execution;

/// <summary>
/// The plain-text lines a worker job writes to its output: each starts with a UTC timestamp, then the chunk or the
/// chain id, so Get-EcodJobLog can pick a chain's lines out of a chunk's log.
/// </summary>
public static class WorkerLogLine
{
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string ChunkStart(string chunkId, string manifestPath, int chains, DateTimeOffset at) =>
        $"{Timestamp(at)} chunk {chunkId}: {chains} chain(s) from {manifestPath}";

    public static string ChunkEnd(ChunkRunSummary summary, DateTimeOffset at) =>
        $"{Timestamp(at)} chunk {summary.ChunkId}: {summary.Completed} completed, {summary.Failed} failed, {summary.AlreadyRecorded} recorded before, {summary.NotRun} not run";

    /// <summary>One chain's outcome: <c>&lt;time&gt; &lt;chain&gt; &lt;batch&gt; completed: ...</c> or <c>... failed (Permanent): &lt;error&gt;</c>.</summary>
    public static string ForRecord(TaskResultRecord r)
    {
        var head = $"{Timestamp(r.FinishedAt)} {r.ProteinId} {r.BatchName}";
        var seconds = r.ElapsedSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        if (r.IsCompleted)
            return $"{head} completed: {r.DomainCount} domain(s), coverage {r.Coverage.ToString("0.###", CultureInfo.InvariantCulture)}, {seconds} s";
        var error = (r.Error ?? "no error text").Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
        return $"{head} failed ({r.ErrorClass ?? Model.ErrorClass.Transient}): {error}";
    }
}
