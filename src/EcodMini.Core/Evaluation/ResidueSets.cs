namespace EcodMini.Core.Evaluation;

/// <summary>Residue-set arithmetic over domain lists.</summary>
internal static class ResidueSets
{
    public static HashSet<int> Union(IEnumerable<ComparedDomain> domains)
    {
        var set = new HashSet<int>();
        foreach (var d in domains) set.UnionWith(d.Range.Positions());
        return set;
    }

    /// <summary>Fraction of <paramref name="covered"/> among the positions of <paramref name="of"/> (0 when empty).</summary>
    public static double Fraction(HashSet<int> of, HashSet<int> covered)
    {
        if (of.Count == 0) return 0;
        var inside = 0;
        foreach (var p in of)
            if (covered.Contains(p)) inside++;
        return (double)inside / of.Count;
    }
}
