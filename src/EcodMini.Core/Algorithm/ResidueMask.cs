using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>Used/unused flags over positions 1..L (index 0 unused).</summary>
internal sealed class ResidueMask(int length)
{
    private readonly bool[] _used = new bool[length + 1];

    public int Length { get; } = length;
    public int UsedCount { get; private set; }
    public int UnusedCount => Length - UsedCount;

    public bool IsUsed(int position) => _used[position];

    /// <summary>Number of positions of <paramref name="range"/> already used (positions past the end count as unused).</summary>
    public int CountUsed(ResidueRange range)
    {
        var n = 0;
        foreach (var s in range.Segments)
        {
            var end = Math.Min(s.End, Length);
            for (var p = s.Start; p <= end; p++)
                if (_used[p]) n++;
        }
        return n;
    }

    public void Mark(ResidueRange range)
    {
        foreach (var s in range.Segments)
        {
            var end = Math.Min(s.End, Length);
            for (var p = s.Start; p <= end; p++)
            {
                if (_used[p]) continue;
                _used[p] = true;
                UsedCount++;
            }
        }
    }

    /// <summary>The positions of <paramref name="range"/> not yet used (the range itself when none is used).</summary>
    public ResidueRange Unused(ResidueRange range)
    {
        if (CountUsed(range) == 0) return range;
        var free = new List<int>(range.TotalLength);
        foreach (var p in range.Positions())
            if (p <= Length && !_used[p]) free.Add(p);
        return ResidueRange.FromPositions(free);
    }
}
