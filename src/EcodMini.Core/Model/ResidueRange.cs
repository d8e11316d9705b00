using System.Globalization;
using System.Text;

namespace EcodMini.Core.Model;

/// <summary>
/// An immutable residue range: ordered, non-overlapping, 1-based inclusive segments,
/// written as <c>10-50,60-110</c>. Value equality over the segments.
/// </summary>
public sealed class ResidueRange : IEquatable<ResidueRange>
{
    public static readonly ResidueRange Empty = new([]);

    private readonly Segment[] _segments;

    private ResidueRange(Segment[] segments)
    {
        _segments = segments;
        TotalLength = segments.Sum(s => s.Length);
    }

    public IReadOnlyList<Segment> Segments => _segments;
    public int TotalLength { get; }
    public bool IsEmpty => _segments.Length == 0;
    public bool IsDiscontinuous => _segments.Length > 1;
    public int Start => _segments.Length == 0 ? 0 : _segments[0].Start;
    public int End => _segments.Length == 0 ? 0 : _segments[^1].End;

    /// <summary>Builds a range from segments as given (kept in the given order; not merged).</summary>
    public static ResidueRange FromSegments(IEnumerable<Segment> segments)
    {
        var array = segments.ToArray();
        foreach (var s in array)
        {
            if (s.Start < 1 || s.End < s.Start)
                throw new RangeFormatException(s.ToString(), "segment must satisfy 1 <= start <= end");
        }
        return new ResidueRange(array);
    }

    /// <summary>Builds a range from a set of positions, merging consecutive positions into segments.</summary>
    public static ResidueRange FromPositions(IEnumerable<int> positions)
    {
        var sorted = positions.Distinct().Order().ToArray();
        if (sorted.Length == 0) return Empty;
        if (sorted[0] < 1) throw new RangeFormatException(sorted[0].ToString(CultureInfo.InvariantCulture), "positions must be >= 1");
        var segments = new List<Segment>();
        var start = sorted[0];
        var prev = start;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == prev + 1) { prev = sorted[i]; continue; }
            segments.Add(new Segment(start, prev));
            start = prev = sorted[i];
        }
        segments.Add(new Segment(start, prev));
        return new ResidueRange([.. segments]);
    }

    /// <summary>Builds a range from a position mask (index = residue number, index 0 unused).</summary>
    public static ResidueRange FromMask(IReadOnlyList<bool> mask)
    {
        var segments = new List<Segment>();
        var start = -1;
        for (var i = 1; i <= mask.Count; i++)
        {
            var on = i < mask.Count && mask[i];
            if (on && start < 0) start = i;
            else if (!on && start >= 0) { segments.Add(new Segment(start, i - 1)); start = -1; }
        }
        return segments.Count == 0 ? Empty : new ResidueRange([.. segments]);
    }

    /// <summary>Parses <c>10-50,60-110</c> or <c>17</c>. Throws <see cref="RangeFormatException"/> on bad text.</summary>
    public static ResidueRange Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RangeFormatException(text ?? "", "empty range");
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            segments[i] = ParseSegment(text, parts[i]);
        return new ResidueRange(segments);
    }

    public static bool TryParse(string? text, out ResidueRange range)
    {
        try { range = Parse(text); return true; }
        catch (RangeFormatException) { range = Empty; return false; }
    }

    private static Segment ParseSegment(string whole, string part)
    {
        if (part.Length == 0) throw new RangeFormatException(whole, "empty segment");
        // A leading '-' would be a negative number; split on the first dash after position 0.
        var dash = part.IndexOf('-', 1);
        int start, end;
        if (dash < 0)
        {
            start = end = ParsePosition(whole, part);
        }
        else
        {
            start = ParsePosition(whole, part[..dash]);
            end = ParsePosition(whole, part[(dash + 1)..]);
        }
        if (end < start) throw new RangeFormatException(whole, $"reversed segment '{part}'");
        return new Segment(start, end);
    }

    private static int ParsePosition(string whole, string token)
    {
        if (!int.TryParse(token.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new RangeFormatException(whole, $"'{token}' is not a residue number");
        if (value < 1) throw new RangeFormatException(whole, $"position {value} must be >= 1");
        return value;
    }

    /// <summary>All positions, in segment order.</summary>
    public IEnumerable<int> Positions()
    {
        foreach (var s in _segments)
            for (var p = s.Start; p <= s.End; p++)
                yield return p;
    }

    public bool Contains(int position)
    {
        foreach (var s in _segments)
            if (s.Contains(position)) return true;
        return false;
    }

    public override string ToString()
    {
        if (_segments.Length == 0) return "";
        var sb = new StringBuilder();
        for (var i = 0; i < _segments.Length; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(_segments[i].Start.ToString(CultureInfo.InvariantCulture)).Append('-')
              .Append(_segments[i].End.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public bool Equals(ResidueRange? other) =>
        other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    public override bool Equals(object? obj) => Equals(obj as ResidueRange);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in _segments) hash.Add(s);
        return hash.ToHashCode();
    }
}
