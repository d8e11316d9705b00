namespace EcodMini.Core.Algorithm;

/// <summary>
/// Greedy order within a type (section 6): query positions covered (descending), e-value (ascending, missing =
/// <see cref="PartitionOptions.MissingEvalue"/>), confidence (descending), source pdb, target id (ordinal),
/// then query start and input position, which makes the order total and deterministic.
/// </summary>
internal sealed class CandidateOrder(double missingEvalue) : IComparer<Evidence>
{
    public int Compare(Evidence? x, Evidence? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = y.QueryRange.TotalLength.CompareTo(x.QueryRange.TotalLength);
        if (c != 0) return c;
        c = (x.Evalue ?? missingEvalue).CompareTo(y.Evalue ?? missingEvalue);
        if (c != 0) return c;
        c = y.Confidence.CompareTo(x.Confidence);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Pdb, y.Pdb);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.TargetId, y.TargetId);
        if (c != 0) return c;
        c = x.QueryRange.Start.CompareTo(y.QueryRange.Start);
        return c != 0 ? c : x.Index.CompareTo(y.Index);
    }
}
