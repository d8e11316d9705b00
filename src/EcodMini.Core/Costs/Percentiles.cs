using System.Globalization;

namespace EcodMini.Core.Costs;

/// <summary>p50, p95 and max of a set of figures (nearest-rank percentiles).</summary>
public sealed record Percentiles(int Count, double P50, double P95, double Max)
{
    public static Percentiles Empty { get; } = new(0, 0, 0, 0);

    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return Empty;
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, Rank(0.50), Rank(0.95), sorted[^1]);
    }

    public override string ToString() => Count == 0 ? "(none)"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.##}, p95 {P95:0.##}, max {Max:0.##}");
}
