namespace EcodMini.Core.Algorithm;

/// <summary>Per-chain record of rejections (counted by reason) and decisions (human lines). Not thread-shared.</summary>
internal sealed class RejectionLog
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _decisions = [];

    public void Reject(string reason, string what)
    {
        _counts[reason] = _counts.GetValueOrDefault(reason) + 1;
        _decisions.Add($"rejected {what}: {reason}");
    }

    public void Note(string line) => _decisions.Add(line);

    public IReadOnlyDictionary<string, int> Counts => _counts;
    public IReadOnlyList<string> Decisions => _decisions;
}
