namespace EcodMini.Synthetic;

/// <summary>
/// HHsearch scores on the logit scale: a probability is 100 / (1 + e^-logit), so hits of one profile family can be drawn as
/// the best hit's logit minus a step (correlated with the best hit instead of drawn independently).
/// </summary>
internal static class HhSearchScore
{
    /// <summary>Lowest probability listed (HHsearch lists hits down to a few percent).</summary>
    public const double MinListedProbability = 1.0;

    /// <summary>Probability (percent, one decimal, at most 100) of a logit.</summary>
    public static double Probability(double logit) => Math.Min(100.0, Math.Round(100.0 / (1.0 + Math.Exp(-logit)), 1));

    /// <summary>The logit of a probability in percent (clamped away from 0 and 100).</summary>
    public static double Logit(double probability)
    {
        var p = Math.Clamp(probability / 100.0, 0.001, 0.999);
        return Math.Log(p / (1 - p));
    }

    /// <summary>An e-value that falls as the probability rises (about 10 at 0%, 1e-7 at 100%), two significant digits.</summary>
    public static double EValue(SyntheticRandom random, double probability)
    {
        var exponent = 1.0 - 8.0 * probability / 100.0 + random.Between(-0.5, 0.5);
        var value = Math.Pow(10, exponent);
        return double.Parse(value.ToString("0.0e0", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    }
}
