namespace EcodMini.Core.Algorithm;

/// <summary>
/// Source pdb and chain from an id: ECOD domain ids <c>e6dgvA1</c> (pdb = 4 characters after the prefix letter,
/// chain = the first letter after it), chain ids <c>6ces_A</c>, <c>6ces A</c>, <c>6cesA</c>.
/// </summary>
internal static class ReferenceIdParser
{
    public static bool TryParse(string? id, out string pdb, out string chain)
    {
        pdb = chain = "";
        if (string.IsNullOrWhiteSpace(id)) return false;
        id = id.Trim();
        var sep = id.IndexOfAny(['_', ' ']);
        if (sep == 4 && id.Length > 5)
        {
            pdb = id[..4];
            chain = id[5..].Trim();
            return IsAlnum(pdb) && chain.Length > 0 && IsAlnum(chain);
        }
        if (id.Length >= 6 && (id[0] == 'e' || id[0] == 'd') && char.IsDigit(id[1]))
        {
            pdb = id.Substring(1, 4);
            chain = id.Substring(5, 1);
            return IsAlnum(pdb) && IsAlnum(chain);
        }
        if (id.Length is >= 5 and <= 8 && char.IsDigit(id[0]))
        {
            pdb = id[..4];
            chain = id[4..];
            return IsAlnum(pdb) && IsAlnum(chain);
        }
        return false;
    }

    private static bool IsAlnum(string s)
    {
        foreach (var c in s)
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        return true;
    }
}
