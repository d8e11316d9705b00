using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace EcodMini.Core.Model;

/// <summary>
/// Read-only counts by name (evidence types, rejection reasons) whose <see cref="ToString"/> is
/// <c>name=count;name=count</c> in name order, so that CSV export shows the counts rather than a type name.
/// Immutable once built.
/// </summary>
public sealed class TextCounts : IReadOnlyDictionary<string, int>
{
    private readonly Dictionary<string, int> _counts;

    public TextCounts(IEnumerable<KeyValuePair<string, int>> counts) => _counts = new Dictionary<string, int>(counts);

    public int this[string key] => _counts[key];
    public IEnumerable<string> Keys => _counts.Keys;
    public IEnumerable<int> Values => _counts.Values;
    public int Count => _counts.Count;
    public bool ContainsKey(string key) => _counts.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value) => _counts.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => _counts.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _counts.GetEnumerator();

    public override string ToString() =>
        string.Join(";", _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
