namespace EcodMini.Core.Scanning;

/// <summary>
/// The scan's priority rule (higher runs first), one integer so the order is total with the tie-breaks:
/// retry of a failed chain +10000; high-quality evidence (<see cref="EvidencePeek"/>) +1000; simplicity
/// 0..999 = 999 - summary size in 16 KB steps (smaller summaries = fewer hits = simpler chains). Equal
/// priorities run in batch-name order, then protein-id order (ordinal).
/// </summary>
public static class ScanPriority
{
    public const int RetryBonus = 10_000;
    public const int HighQualityBonus = 1_000;
    public const int SizeStepBytes = 16 * 1024;

    public static int Compute(bool isRetry, bool highQualityEvidence, long summarySizeBytes) =>
        (isRetry ? RetryBonus : 0) + (highQualityEvidence ? HighQualityBonus : 0) + Simplicity(summarySizeBytes);

    public static int Simplicity(long summarySizeBytes) => 999 - (int)Math.Min(999, Math.Max(0, summarySizeBytes) / SizeStepBytes);

    public static IComparer<ProteinTask> Order { get; } = Comparer<ProteinTask>.Create((a, b) =>
    {
        var c = b.Priority.CompareTo(a.Priority);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.BatchName, b.BatchName);
        return c != 0 ? c : string.CompareOrdinal(a.ProteinId, b.ProteinId);
    });
}
