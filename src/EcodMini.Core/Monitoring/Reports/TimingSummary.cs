namespace EcodMini.Core.Monitoring.Reports;

/// <summary>Processing time per completed chain, in seconds (all zero when no chain has a time).</summary>
public sealed record TimingSummary(int Count, double MeanSeconds, double P50Seconds, double P95Seconds, double MaxSeconds)
{
    public static TimingSummary Of(IEnumerable<double> seconds)
    {
        var sorted = seconds.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return new TimingSummary(0, 0, 0, 0, 0);
        return new TimingSummary(sorted.Length, sorted.Average(), Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
    }

    /// <summary>Linear interpolation between closest ranks (the common "type 7" definition) over sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
