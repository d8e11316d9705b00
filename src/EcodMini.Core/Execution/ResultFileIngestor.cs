using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>
/// The head node's side of the contract: records result files in the tracker. Idempotent (records carry unique
/// ids), so a file may be ingested any number of times; a cut-off last line is ignored (and counted).
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
    /// Ingests every result file left in a work directory by an earlier run whose workers are known to be finished,
    /// except <paramref name="skip"/> (files of chunks still running), then moves those chunks' files into
    /// <c>ingested/</c>; manifests without results (chunks never started) are moved too. Problems with lines are added
    /// to <paramref name="issues"/>.
    /// </summary>
    public static IngestSummary IngestLeftovers(TrackingDatabase tracker, string workDirectory, IReadOnlySet<string> skip,
        List<string> issues, CancellationToken cancellationToken = default)
    {
        var total = IngestSummary.Empty;
        if (!Directory.Exists(workDirectory)) return total;
        foreach (var results in Directory.EnumerateFiles(workDirectory, "*" + ChunkManifest.ResultsSuffix).Order(StringComparer.Ordinal).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (skip.Contains(results)) continue;
            var content = ResultFileReader.Read(results);
            issues.AddRange(ChunkCollector.Describe(results, content));
            total = total.Add(Ingest(tracker, content));
            Archive(results);
        }
        foreach (var manifest in Directory.EnumerateFiles(workDirectory, "*" + ChunkCoordinator.ManifestSuffix).ToList())
            if (!skip.Contains(ChunkManifest.ResultsPathFor(manifest))) Archive(manifest);
        return total;
    }

    /// <summary>Moves a chunk file into the <c>ingested/</c> folder beside it (replacing an older copy).</summary>
    public static void Archive(string path)
    {
        if (!File.Exists(path)) return;
        var folder = Path.Combine(Path.GetDirectoryName(path)!, IngestedFolder);
        Directory.CreateDirectory(folder);
        File.Move(path, Path.Combine(folder, Path.GetFileName(path)), overwrite: true);
    }
}
