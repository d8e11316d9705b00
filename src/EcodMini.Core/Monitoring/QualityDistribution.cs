namespace EcodMini.Core.Monitoring;

/// <summary>Completed chains per quality grade (see <see cref="QualityThresholds"/>).</summary>
public sealed record QualityDistribution(int Good, int Questionable, int Poor)
{
    public int Total => Good + Questionable + Poor;
    public double GoodFraction => Total == 0 ? 0 : (double)Good / Total;
    public double PoorFraction => Total == 0 ? 0 : (double)Poor / Total;
}
