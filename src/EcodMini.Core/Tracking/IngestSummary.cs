namespace EcodMini.Core.Tracking;

/// <summary>What one ingestion of worker result records changed.</summary>
public sealed record IngestSummary(int Recorded, int Duplicates, int Completed, int Failed, int MalformedLines, int TruncatedLines)
{
    public static IngestSummary Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public IngestSummary Add(IngestSummary other) => new(
        Recorded + other.Recorded, Duplicates + other.Duplicates, Completed + other.Completed, Failed + other.Failed,
        MalformedLines + other.MalformedLines, TruncatedLines + other.TruncatedLines);
}
