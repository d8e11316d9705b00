using System.Collections;

namespace EcodMini.Core.Model;

/// <summary>
/// A read-only list whose <see cref="ToString"/> is its items as one line of text (for example domain ranges
/// <c>10-120;121-250,300-340</c>), so that tools which turn every property into text (CSV export, plain
/// formatting) show the content rather than a type name. Immutable once built; safe to share between threads.
/// </summary>
public sealed class TextList<T> : IReadOnlyList<T>
{
    private readonly T[] _items;
    private readonly Func<T, string?> _text;
    private readonly string _separator;

    public TextList(IEnumerable<T> items, Func<T, string?> text, string separator)
    {
        _items = items.ToArray();
        _text = text;
        _separator = separator;
    }

    public T this[int index] => _items[index];
    public int Count => _items.Length;
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override string ToString() => string.Join(_separator, _items.Select(_text));
}
