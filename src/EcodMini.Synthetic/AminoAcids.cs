using System.Text;

namespace EcodMini.Synthetic;

/// <summary>Random residues for synthetic sequences.</summary>
internal static class AminoAcids
{
    private const string Letters = "ACDEFGHIKLMNPQRSTVWY";

    public static char Random(SyntheticRandom random) => Letters[random.Next(Letters.Length)];

    /// <summary>A residue different from <paramref name="current"/>.</summary>
    public static char Substitute(SyntheticRandom random, char current)
    {
        char c;
        do c = Random(random); while (c == current);
        return c;
    }

    public static void Append(StringBuilder sb, SyntheticRandom random, int count)
    {
        for (var i = 0; i < count; i++) sb.Append(Random(random));
    }
}
