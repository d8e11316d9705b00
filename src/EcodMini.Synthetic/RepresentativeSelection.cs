namespace EcodMini.Synthetic;

/// <summary>
/// Which chains are representatives: a golden-ratio sequence with a seed offset, so the share is within
/// one chain of the requested fraction for any count, and the choice is spread evenly.
/// </summary>
internal static class RepresentativeSelection
{
    private const double Golden = 0.6180339887498949;

    public static bool IsRepresentative(ulong seed, int index, double fraction)
    {
        var offset = (SyntheticRandom.Mix(seed ^ 0x4E9UL) >> 11) * (1.0 / (1UL << 53));
        var x = offset + index * Golden;
        return x - Math.Floor(x) < fraction;
    }
}
