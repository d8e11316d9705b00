using System.Text.RegularExpressions;

namespace EcodMini.Core.Model;

/// <summary>
/// A validated protein chain id <c>&lt;pdb&gt;_&lt;chain&gt;</c>: pdb = 4 alphanumerics, chain = 1-4 alphanumerics.
/// Only validated ids may reach a file name or a job script.
/// </summary>
public sealed partial record ProteinId
{
    private ProteinId(string pdb, string chain) { Pdb = pdb; Chain = chain; }

    public string Pdb { get; }
    public string Chain { get; }

    public static ProteinId Create(string pdb, string chain)
    {
        if (!PdbPattern().IsMatch(pdb ?? "")) throw new FormatException($"Invalid PDB id '{pdb}': expected 4 letters or digits");
        if (!ChainPattern().IsMatch(chain ?? "")) throw new FormatException($"Invalid chain id '{chain}': expected 1-4 letters or digits");
        return new ProteinId(pdb!, chain!);
    }

    public static ProteinId Parse(string? text)
    {
        if (TryParse(text, out var id)) return id;
        throw new FormatException($"Invalid protein id '{text}': expected <pdb>_<chain> (4 alphanumerics, '_', 1-4 alphanumerics)");
    }

    public static bool TryParse(string? text, out ProteinId id)
    {
        id = null!;
        if (text is null) return false;
        var m = IdPattern().Match(text);
        if (!m.Success) return false;
        id = new ProteinId(m.Groups[1].Value, m.Groups[2].Value);
        return true;
    }

    public override string ToString() => $"{Pdb}_{Chain}";

    [GeneratedRegex(@"\A([A-Za-z0-9]{4})_([A-Za-z0-9]{1,4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9]{4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PdbPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9]{1,4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ChainPattern();
}
