using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>A selected domain during boundary optimisation: mutable position flags plus its provenance.</summary>
internal sealed class WorkingDomain
{
    public WorkingDomain(int sequenceLength, ResidueRange range, string source, string? ecodDomainId, string? family,
        string? tGroup, string? hGroup, double confidence, int selectionOrder)
    {
        SelectionOrder = selectionOrder;
        Positions = new bool[sequenceLength + 1];
        foreach (var s in range.Segments)
            for (var p = s.Start; p <= Math.Min(s.End, sequenceLength); p++) Positions[p] = true;
        OriginalRange = range;
        Source = source;
        EcodDomainId = ecodDomainId;
        Family = family;
        TGroup = tGroup;
        HGroup = hGroup;
        Confidence = confidence;
    }

    /// <summary>Order of acceptance; the final tie-break when sorting by start.</summary>
    public int SelectionOrder { get; }
    public bool[] Positions { get; }
    public ResidueRange OriginalRange { get; }
    public string Source { get; }
    public string? EcodDomainId { get; }
    public string? Family { get; }
    public string? TGroup { get; }
    public string? HGroup { get; }
    public double Confidence { get; }
    public List<string> Actions { get; } = [];

    /// <summary>Sorts by start, then acceptance order (a total order); each start is computed once.</summary>
    public static void SortByStart(List<WorkingDomain> domains)
    {
        var keyed = domains.ConvertAll(d => (Start: d.Start(), d.SelectionOrder, Domain: d));
        keyed.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.SelectionOrder.CompareTo(b.SelectionOrder));
        for (var i = 0; i < keyed.Count; i++) domains[i] = keyed[i].Domain;
    }

    public ResidueRange CurrentRange() => ResidueRange.FromMask(Positions);

    public int Count()
    {
        var n = 0;
        foreach (var b in Positions) if (b) n++;
        return n;
    }

    public int Start()
    {
        for (var p = 1; p < Positions.Length; p++) if (Positions[p]) return p;
        return int.MaxValue;
    }

    public int End()
    {
        for (var p = Positions.Length - 1; p >= 1; p--) if (Positions[p]) return p;
        return 0;
    }
}
