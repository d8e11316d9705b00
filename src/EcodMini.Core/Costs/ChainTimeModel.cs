using System.Globalization;

namespace EcodMini.Core.Costs;

/// <summary>
/// Seconds one chain takes, by sequence-length bucket (&lt;200, 200-399, 400-799, 800-1599, 1600+ residues, and a bucket
/// for chains whose length is not known in advance). Built from the tracker's completed results (median per bucket;
/// a bucket without enough history takes the overall median), or <see cref="Default"/> when there is no history.
/// </summary>
public sealed record ChainTimeModel(IReadOnlyList<double> SecondsByBucket, double UnknownLengthSeconds, int HistoryChains, string Description)
{
    /// <summary>Upper bounds (exclusive) of the length buckets; the last bucket is open.</summary>
    public static IReadOnlyList<int> BucketBounds { get; } = [200, 400, 800, 1600];
    /// <summary>A bucket needs this many timed chains before its own median is used.</summary>
    public const int MinChainsPerBucket = 5;

    /// <summary>
    /// The documented default without history: 2 s + 1 s per 100 residues at each bucket's middle (1,000 residues for
    /// unknown lengths), a deliberately generous figure so a first estimate errs high.
    /// </summary>
    public static ChainTimeModel Default { get; } = new([3, 5, 8, 14, 26], 12, 0,
        "default model (no timed chains in the tracker): 2 s + 1 s per 100 residues");

    public static int BucketOf(int length)
    {
        for (var i = 0; i < BucketBounds.Count; i++)
            if (length < BucketBounds[i]) return i;
        return BucketBounds.Count;
    }

    public static string BucketLabel(int bucket) => bucket switch
    {
        0 => $"<{BucketBounds[0]}",
        _ when bucket >= BucketBounds.Count => $"{BucketBounds[^1]}+",
        _ => $"{BucketBounds[bucket - 1]}-{BucketBounds[bucket] - 1}",
    };

    public double SecondsFor(int? length) => length is { } n && n > 0 ? SecondsByBucket[BucketOf(n)] : UnknownLengthSeconds;

    /// <summary>The model from timed chains (sequence length, seconds); <see cref="Default"/> when there are none.</summary>
    public static ChainTimeModel FromHistory(IReadOnlyList<(int Length, double Seconds)> timings)
    {
        var valid = timings.Where(t => t.Length > 0 && t.Seconds >= 0 && double.IsFinite(t.Seconds)).ToList();
        if (valid.Count == 0) return Default;
        var overall = Median(valid.Select(t => t.Seconds));
        var buckets = new double[BucketBounds.Count + 1];
        var parts = new List<string>();
        for (var b = 0; b < buckets.Length; b++)
        {
            var inBucket = valid.Where(t => BucketOf(t.Length) == b).Select(t => t.Seconds).ToList();
            buckets[b] = inBucket.Count >= MinChainsPerBucket ? Median(inBucket) : overall;
            parts.Add($"{BucketLabel(b)}: {buckets[b].ToString("0.###", CultureInfo.InvariantCulture)} s ({inBucket.Count})");
        }
        return new ChainTimeModel(buckets, overall, valid.Count,
            $"tracker history of {valid.Count} timed chain(s), median s per chain by length: {string.Join(", ", parts)}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
