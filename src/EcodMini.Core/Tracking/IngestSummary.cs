namespace EcodMini.Core.Tracking;

/// <summary>
/// What one ingestion of worker result records changed. Stale: records of an attempt that is not the job's current
/// one (or not its first result), stored as history only. Malformed and truncated lines come from the file reader.
/// </summary>
public sealed record IngestSummary(int Recorded, int Duplicates, int Completed, int Failed, int MalformedLines, int TruncatedLines, int Stale = 0)
{
    public static IngestSummary Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Chains recorded as cancelled (skipped at a stop request): neither completed nor failed.</summary>
    public int Cancelled { get; init; }

    public IngestSummary Add(IngestSummary other) => new(
        Recorded + other.Recorded, Duplicates + other.Duplicates, Completed + other.Completed, Failed + other.Failed,
        MalformedLines + other.MalformedLines, TruncatedLines + other.TruncatedLines, Stale + other.Stale) { Cancelled = Cancelled + other.Cancelled };
}
