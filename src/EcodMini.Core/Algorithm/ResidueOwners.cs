using System.Globalization;

namespace EcodMini.Core.Algorithm;

/// <summary>Which domain owns each residue after selection, the unassigned runs between them, and growing a domain into one.</summary>
internal static class ResidueOwners
{
    /// <summary>owner[p] = the first domain (in list order) holding residue p, for 1..length; indices 0 and length + 1 stay null.</summary>
    public static WorkingDomain?[] Of(List<WorkingDomain> domains, int length)
    {
        var owner = new WorkingDomain?[length + 2];
        foreach (var d in domains)
            for (var p = 1; p <= length; p++) if (d.Positions[p]) owner[p] ??= d;
        return owner;
    }

    /// <summary>Maximal runs of residues no domain owns, in order; read lazily, so a caller may fill the current run.</summary>
    public static IEnumerable<(int Start, int End)> UnassignedRuns(WorkingDomain?[] owner, int length)
    {
        var p = 1;
        while (p <= length)
        {
            if (owner[p] is not null) { p++; continue; }
            var start = p;
            while (p <= length && owner[p] is null) p++;
            yield return (start, p - 1);
        }
    }

    /// <summary>Adds residues <paramref name="from"/>..<paramref name="to"/> to the domain and records <paramref name="why"/> ("{range}" = from-to).</summary>
    public static void Grow(WorkingDomain domain, int from, int to, string why, RejectionLog log)
    {
        for (var p = from; p <= to; p++) domain.Positions[p] = true;
        var text = why.Replace("{range}", string.Create(CultureInfo.InvariantCulture, $"{from}-{to}"), StringComparison.Ordinal);
        domain.Actions.Add(text);
        log.Note($"{domain.Source} {domain.EcodDomainId} {text}");
    }
}
