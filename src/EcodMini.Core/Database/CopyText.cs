using System.Buffers;
using System.Globalization;
using System.Text;

namespace EcodMini.Core.Database;

/// <summary>
/// Values in PostgreSQL's COPY text format: <c>\N</c> for null, backslash escapes for backslash, tab, newline and carriage
/// return, floats in round-trip form, timestamps as UTC with microseconds, arrays as array literals (or, for a column an
/// older schema declares as text, joined with "; " as <c>array_to_string</c> would). The server parses each value with
/// the target column's own input function, so integer and bigint, real and double, jsonb and text all fit.
/// </summary>
public static class CopyText
{
    public const string ArraySeparator = "; ";

    private static readonly SearchValues<char> Escaped = SearchValues.Create("\\\t\n\r");
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Append(StringBuilder line, object? value, bool joinArray = false)
    {
        switch (value)
        {
            case null: line.Append(@"\N"); break;
            case string text: AppendEscaped(line, text); break;
            case bool flag: line.Append(flag ? 't' : 'f'); break;
            case int number: line.Append(Invariant, $"{number}"); break;
            case long number: line.Append(Invariant, $"{number}"); break;
            case float number: line.Append(Invariant, $"{number:R}"); break;
            case double number: line.Append(Invariant, $"{number:R}"); break;
            case DateTime time: AppendTimestamp(line, time); break;
            case string[] items when joinArray: AppendEscaped(line, string.Join(ArraySeparator, items.Where(i => i is not null))); break;
            case string[] items: AppendEscaped(line, ArrayLiteral(items)); break;
            default: throw new ArgumentException($"no COPY text form for a value of type {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>A UTC instant (an unspecified kind is taken as UTC) as <c>yyyy-MM-dd HH:mm:ss.ffffff+00</c>.</summary>
    private static void AppendTimestamp(StringBuilder line, DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        line.Append(Invariant, $"{utc:yyyy-MM-dd HH:mm:ss.ffffff}+00");
    }

    /// <summary>A text[] literal: every element double-quoted (backslash and quote escaped), NULL for a null element.</summary>
    public static string ArrayLiteral(IReadOnlyList<string?> items)
    {
        var literal = new StringBuilder("{");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) literal.Append(',');
            if (items[i] is not { } item) { literal.Append("NULL"); continue; }
            literal.Append('"');
            foreach (var c in item)
            {
                if (c is '"' or '\\') literal.Append('\\');
                literal.Append(c);
            }
            literal.Append('"');
        }
        return literal.Append('}').ToString();
    }

    private static void AppendEscaped(StringBuilder line, string text)
    {
        if (!text.AsSpan().ContainsAny(Escaped))
        {
            line.Append(text);
            return;
        }
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': line.Append(@"\\"); break;
                case '\t': line.Append(@"\t"); break;
                case '\n': line.Append(@"\n"); break;
                case '\r': line.Append(@"\r"); break;
                default: line.Append(c); break;
            }
        }
    }
}
