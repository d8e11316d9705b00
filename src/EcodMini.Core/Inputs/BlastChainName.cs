using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>
/// Recognises a pdb chain in a BLAST definition line (<c>Hit_def</c>, <c>Hit_id</c>, a query definition) only when it
/// looks like one: <c>2ia4 B</c>, <c>2ia4_B</c>, <c>pdb|2IA4|B</c> or an ECOD domain id <c>e2ia4B1</c>, with a PDB id
/// of a digit and three letters or digits. Free text (<c>homo sapiens</c>, <c>No definition line</c>,
/// <c>gnl|BL_ORD_ID|17</c>) is not a chain.
/// </summary>
internal static class BlastChainName
{
    public static bool TryParse(string? text, out string pdb, out string chain)
    {
        pdb = chain = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var tokens = text.Trim().TrimStart('>').Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return false;
        var first = tokens[0];
        if (first.StartsWith("pdb|", StringComparison.OrdinalIgnoreCase))
        {
            var parts = first.Split('|');
            return parts.Length >= 3 && Accept(parts[1], parts[2], out pdb, out chain);
        }
        if (first.Length == 4 && tokens.Length >= 2) return Accept(first, tokens[1], out pdb, out chain);
        return ReferenceIdParser.TryParse(first, out var p, out var c) && Accept(p, c, out pdb, out chain);
    }

    /// <summary>True when the text names this chain, false when it names another, null when it names no chain.</summary>
    public static bool? Names(string? text, ProteinId id)
    {
        if (!TryParse(text, out var pdb, out var chain)) return null;
        return string.Equals(pdb, id.Pdb, StringComparison.OrdinalIgnoreCase) && string.Equals(chain, id.Chain, StringComparison.Ordinal);
    }

    private static bool Accept(string pdbText, string chainText, out string pdb, out string chain)
    {
        pdb = pdbText;
        chain = chainText;
        return pdb.Length == 4 && char.IsAsciiDigit(pdb[0]) && ProteinId.TryParse($"{pdb}_{chain}", out _);
    }
}
