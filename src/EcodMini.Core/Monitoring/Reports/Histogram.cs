namespace EcodMini.Core.Monitoring.Reports;

/// <summary>
/// One bin: values in [Lower, Upper) (the last fraction bin also holds 1.0; an open bin has no Upper), with a label
/// for charts.
/// </summary>
public sealed record HistogramBin(string Label, double Lower, double? Upper, int Count);

/// <summary>A histogram of a per-chain value (coverage, domain count) with fixed, documented bins.</summary>
public sealed record Histogram(string Name, IReadOnlyList<HistogramBin> Bins)
{
    public int Total => Bins.Sum(b => b.Count);

    /// <summary>Ten bins of width 0.1 over [0, 1]; values outside are clamped into the first or last bin.</summary>
    public static Histogram OfFractions(string name, IEnumerable<double> values)
    {
        var counts = new int[10];
        foreach (var v in values) counts[Math.Clamp((int)Math.Floor(v * 10 + 1e-9), 0, 9)]++;
        return new Histogram(name, counts.Select((c, i) =>
            new HistogramBin(MonitorText.Invariant($"{i / 10.0:0.0}-{(i + 1) / 10.0:0.0}"), i / 10.0, (i + 1) / 10.0, c)).ToList());
    }

    /// <summary>One bin per whole number 0..<paramref name="openFrom"/>-1, then one "openFrom+" bin.</summary>
    public static Histogram OfCounts(string name, IEnumerable<int> values, int openFrom = 8)
    {
        var counts = new int[openFrom + 1];
        foreach (var v in values) counts[Math.Clamp(v, 0, openFrom)]++;
        return new Histogram(name, counts.Select((c, i) => i < openFrom
            ? new HistogramBin(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i, i + 1, c)
            : new HistogramBin(MonitorText.Invariant($"{openFrom}+"), openFrom, null, c)).ToList());
    }
}
