namespace EcodMini.Core.Monitoring.Reports;

/// <summary>Jobs that finished in [Start, Start + bucket), and that count as a rate per hour.</summary>
public sealed record ThroughputPoint(DateTimeOffset Start, int Completed, int Failed, double PerHour);

/// <summary>
/// Finished jobs over time in equal buckets; the bucket width is chosen from the run's span (1 minute to 1 day) so a
/// run shows 12-60 points.
/// </summary>
public sealed record ThroughputSeries(TimeSpan Bucket, IReadOnlyList<ThroughputPoint> Points)
{
    private static readonly TimeSpan[] Widths =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1),
    ];

    public static TimeSpan ChooseBucket(TimeSpan span) => Widths.FirstOrDefault(w => span.Ticks / w.Ticks < 60, Widths[^1]);

    /// <summary>Buckets from the first end to the last, empty buckets included (a stall shows as a gap).</summary>
    public static ThroughputSeries Of(IReadOnlyList<(DateTimeOffset End, bool Completed)> finishes)
    {
        if (finishes.Count == 0) return new ThroughputSeries(Widths[0], []);
        var first = finishes.Min(f => f.End);
        var last = finishes.Max(f => f.End);
        var bucket = ChooseBucket(last - first);
        var origin = new DateTimeOffset(first.UtcTicks - first.UtcTicks % bucket.Ticks, TimeSpan.Zero);
        var count = (int)((last.UtcTicks - origin.UtcTicks) / bucket.Ticks) + 1;
        var completed = new int[count];
        var failed = new int[count];
        foreach (var (end, ok) in finishes)
        {
            var i = (int)((end.UtcTicks - origin.UtcTicks) / bucket.Ticks);
            if (ok) completed[i]++; else failed[i]++;
        }
        var hours = bucket.TotalHours;
        return new ThroughputSeries(bucket, Enumerable.Range(0, count)
            .Select(i => new ThroughputPoint(origin + bucket * i, completed[i], failed[i], (completed[i] + failed[i]) / hours)).ToList());
    }
}
