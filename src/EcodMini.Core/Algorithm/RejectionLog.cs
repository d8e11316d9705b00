namespace EcodMini.Core.Algorithm;

/// <summary>
/// Per-chain record of rejections (counted by reason) and decisions (human lines). Not shared between threads.
/// Notable rejections (bad input, missing data, failed decompositions) get one line each; routine ones
/// (<see cref="Count"/>: overlaps, thresholds, size) are summarised in one line per reason, which keeps results small.
/// </summary>
internal sealed class RejectionLog
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _summarised = new(StringComparer.Ordinal);
    private readonly List<string> _decisions = [];
    private readonly List<(string Reason, string What)> _rejected = [];

    /// <summary>Counts a rejection and records a decision line for it.</summary>
    public void Reject(string reason, string what)
    {
        _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
        _decisions.Add($"rejected {what}: {reason}");
        _rejected.Add((reason, what));
    }

    /// <summary>The rejections recorded by <see cref="Reject"/>, in order.</summary>
    public IReadOnlyList<(string Reason, string What)> Rejected => _rejected;

    /// <summary>Counts a routine rejection; summarised by <see cref="Decisions"/>.</summary>
    public void Count(string reason)
    {
        _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
        _summarised[reason] = _summarised.GetValueOrDefault(reason) + 1;
    }

    public void Note(string line) => _decisions.Add(line);

    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Decision lines, then one summary line per routinely rejected reason.</summary>
    public IReadOnlyList<string> Decisions()
    {
        var lines = new List<string>(_decisions.Count + _summarised.Count);
        lines.AddRange(_decisions);
        foreach (var (reason, n) in _summarised) lines.Add($"rejected {n} hit(s): {reason}");
        return lines;
    }
}
