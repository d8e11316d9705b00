namespace EcodMini.Core.RunComparison;

/// <summary>
/// Compares two sides chain by chain (matched by protein id and batch; by protein id alone when a side has no batch
/// names). Domains are paired in order of their first residue; boundary and classification changes are looked for only
/// when both sides have the same domain count.
/// </summary>
public static class RunComparer
{
    public static (IReadOnlyList<ChainChange> Changes, RunComparisonSummary Summary) Compare(
        IReadOnlyList<ChainSnapshot> before, IReadOnlyList<ChainSnapshot> after, string beforeLabel, string afterLabel)
    {
        var byBatch = before.All(c => c.BatchName.Length > 0) && after.All(c => c.BatchName.Length > 0);
        string Key(ChainSnapshot c) => byBatch ? $"{c.ProteinId}\n{c.BatchName}" : c.ProteinId;
        var left = before.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var right = after.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var changes = new List<ChainChange>();
        foreach (var key in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            left.TryGetValue(key, out var a);
            right.TryGetValue(key, out var b);
            if (Diff(a, b) is { } change) changes.Add(change);
        }
        int Count(ChainChangeKind k) => changes.Count(c => c.Changes.Contains(k));
        var summary = new RunComparisonSummary
        {
            Before = beforeLabel, After = afterLabel, ChainsBefore = left.Count, ChainsAfter = right.Count,
            Unchanged = left.Keys.Intersect(right.Keys).Count() - changes.Count(c => c.Kind is not (ChainChangeKind.Added or ChainChangeKind.Removed)),
            Changed = changes.Count, Added = Count(ChainChangeKind.Added), Removed = Count(ChainChangeKind.Removed),
            DomainCountChanged = Count(ChainChangeKind.DomainCountChanged), BoundaryShift = Count(ChainChangeKind.BoundaryShift),
            ClassificationChanged = Count(ChainChangeKind.ClassificationChanged), QualityChanged = Count(ChainChangeKind.QualityChanged),
            LargestShift = changes.Select(c => c.LargestShift ?? 0).DefaultIfEmpty(0).Max(),
        };
        return (changes, summary);
    }

    /// <summary>The change of one chain, or null when both sides agree.</summary>
    public static ChainChange? Diff(ChainSnapshot? before, ChainSnapshot? after)
    {
        var any = after ?? before ?? throw new ArgumentException("one side must hold the chain");
        var kinds = new List<ChainChangeKind>();
        int? shift = null;
        if (before is null) kinds.Add(ChainChangeKind.Added);
        else if (after is null) kinds.Add(ChainChangeKind.Removed);
        else
        {
            var a = before.Domains.OrderBy(d => d.Start).ToList();
            var b = after.Domains.OrderBy(d => d.Start).ToList();
            if (a.Count != b.Count) kinds.Add(ChainChangeKind.DomainCountChanged);
            else
            {
                shift = a.Zip(b, (x, y) => Math.Max(Math.Abs(x.Start - y.Start), Math.Abs(x.End - y.End))).DefaultIfEmpty(0).Max();
                if (shift > 0 || a.Zip(b).Any(p => p.First.Range != p.Second.Range)) kinds.Add(ChainChangeKind.BoundaryShift);
                if (a.Zip(b).Any(p => p.First.TGroup != p.Second.TGroup || p.First.HGroup != p.Second.HGroup)) kinds.Add(ChainChangeKind.ClassificationChanged);
            }
            if (!string.Equals(before.Quality, after.Quality, StringComparison.Ordinal)) kinds.Add(ChainChangeKind.QualityChanged);
        }
        if (kinds.Count == 0) return null;
        return new ChainChange
        {
            ProteinId = any.ProteinId, BatchName = any.BatchName, Kind = kinds[0], Changes = kinds,
            DomainsBefore = before?.Domains.Count, DomainsAfter = after?.Domains.Count, LargestShift = shift,
            QualityBefore = before?.Quality, QualityAfter = after?.Quality,
            RangesBefore = before is null ? null : string.Join(" ", before.Domains.Select(d => d.Range)),
            RangesAfter = after is null ? null : string.Join(" ", after.Domains.Select(d => d.Range)),
        };
    }
}
