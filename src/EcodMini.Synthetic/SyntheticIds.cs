namespace EcodMini.Synthetic;

/// <summary>
/// Unique synthetic PDB ids (a digit and three lower-case alphanumerics) from a slot number: slots are
/// mapped through a seed-dependent permutation of all 466,560 such ids, so distinct slots never collide.
/// </summary>
internal static class SyntheticIds
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>How many distinct ids exist (10 x 36^3).</summary>
    public const int Capacity = 10 * 36 * 36 * 36;

    // Coprime with 2^7 * 3^6 * 5 = Capacity, so slot -> (slot * Multiplier + offset) mod Capacity is a bijection.
    private const long Multiplier = 100_003;

    public static string PdbId(ulong seed, int slot)
    {
        if (slot < 0 || slot >= Capacity) throw new ArgumentOutOfRangeException(nameof(slot), slot, $"at most {Capacity} synthetic ids exist");
        var offset = (long)(SyntheticRandom.Mix(seed ^ 0x5EEDUL) % Capacity);
        var value = (int)((slot * Multiplier + offset) % Capacity);
        Span<char> id = stackalloc char[4];
        id[0] = Alphabet[value % 10];
        value /= 10;
        for (var i = 1; i < 4; i++)
        {
            id[i] = Alphabet[value % 36];
            value /= 36;
        }
        return new string(id);
    }

    /// <summary>A chain letter A-Z, mostly A (as in the PDB).</summary>
    public static string ChainLetter(SyntheticRandom random) =>
        random.Chance(0.6) ? "A" : ((char)('A' + random.Next(26))).ToString();

    /// <summary>The ECOD domain id <c>e&lt;pdb&gt;&lt;chain&gt;&lt;n&gt;</c>.</summary>
    public static string DomainId(string pdb, string chain, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"e{pdb}{chain}{number}");
}
