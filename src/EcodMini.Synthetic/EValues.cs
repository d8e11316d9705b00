namespace EcodMini.Synthetic;

/// <summary>Random e-values written with two significant digits (so every output prints them alike).</summary>
internal static class EValues
{
    /// <summary>m x 10^-e with m in [1, 10) (one decimal) and e in [<paramref name="minExponent"/>, <paramref name="maxExponent"/>].</summary>
    public static double Strong(SyntheticRandom random, int minExponent, int maxExponent) =>
        Compose(random.Between(10, 99), -random.Between(minExponent, maxExponent));

    /// <summary>Uniform-ish in [<paramref name="min"/>, <paramref name="max"/>) with one decimal (weak hits).</summary>
    public static double Weak(SyntheticRandom random, double min, double max) =>
        Math.Round(random.Between(min, max), 1);

    private static double Compose(int mantissaTimesTen, int exponent) =>
        double.Parse(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{mantissaTimesTen / 10}.{mantissaTimesTen % 10}e{exponent}"),
            System.Globalization.CultureInfo.InvariantCulture);
}
