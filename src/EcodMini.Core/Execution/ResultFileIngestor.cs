using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>
/// The head node's side of the contract: records result files in the tracker. Idempotent (records carry unique
/// ids), so a file may be ingested any number of times; a cut-off last line is ignored.
/// </summary>
public static class ResultFileIngestor
{
    public const string IngestedFolder = "ingested";

    public static IngestSummary Ingest(TrackingDatabase tracker, string resultsPath) => Ingest(tracker, ResultFileReader.Read(resultsPath));

    public static IngestSummary Ingest(TrackingDatabase tracker, ResultFileContent content)
    {
        var summary = content.Records.Count == 0 ? IngestSummary.Empty : tracker.RecordResults(content.Records);
        return summary with { MalformedLines = content.MalformedLines, TruncatedLines = content.TruncatedLines };
    }

    /// <summary>
    /// Ingests every result file left in a work directory (by an earlier, possibly killed, run), then moves those
    /// chunks' files into <c>ingested/</c>. Manifests without results (chunks never started) are moved too.
    /// </summary>
    public static IngestSummary IngestLeftovers(TrackingDatabase tracker, string workDirectory, CancellationToken cancellationToken = default)
    {
        var total = IngestSummary.Empty;
        if (!Directory.Exists(workDirectory)) return total;
        foreach (var results in Directory.EnumerateFiles(workDirectory, "*" + ChunkManifest.ResultsSuffix).Order(StringComparer.Ordinal).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            total = total.Add(Ingest(tracker, results));
            Archive(workDirectory, results);
        }
        foreach (var manifest in Directory.EnumerateFiles(workDirectory, "*" + LocalExecutor.ManifestSuffix).ToList())
            Archive(workDirectory, manifest);
        return total;
    }

    /// <summary>Moves a chunk file into the work directory's <c>ingested/</c> folder (replacing an older copy).</summary>
    public static void Archive(string workDirectory, string path)
    {
        if (!File.Exists(path)) return;
        var folder = Path.Combine(workDirectory, IngestedFolder);
        Directory.CreateDirectory(folder);
        File.Move(path, Path.Combine(folder, Path.GetFileName(path)), overwrite: true);
    }
}
