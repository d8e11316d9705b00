using System.Xml;

namespace EcodMini.Core.Inputs;

/// <summary>
/// The values of one summary <c>&lt;hit&gt;</c> by name, whether written as attributes (<c>query_range="10-100"</c>) or
/// as child elements (<c>&lt;query_range&gt;10-100&lt;/query_range&gt;</c>, <c>&lt;query_reg&gt;</c>): the original tools
/// write both. A child element wins over an attribute of the same name. Other child elements are skipped.
/// </summary>
internal sealed class HitFields
{
    private static readonly HashSet<string> ChildNames = new(StringComparer.Ordinal)
    {
        "query_reg", "query_range", "hit_reg", "hit_range", "target_range", "query_seq", "hit_seq",
        "evalue", "evalues", "probability", "prob", "domain_id", "hit_id", "source_id", "target",
    };

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Reads the hit element the reader is on, leaving the reader on its end (or empty) element.</summary>
    public static HitFields Read(XmlReader reader)
    {
        var fields = new HitFields();
        if (reader.MoveToFirstAttribute())
        {
            do fields._values[reader.LocalName] = reader.Value;
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        if (reader.IsEmptyElement) return fields;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
            {
                var name = reader.LocalName;
                if (ChildNames.Contains(name)) fields._values[name] = reader.ReadElementContentAsString();
                else reader.Skip();
                continue;
            }
            reader.Read();
        }
        return fields;
    }

    /// <summary>The first of <paramref name="names"/> with a non-blank value, else null.</summary>
    public string? First(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
            if (_values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v)) return v;
        return null;
    }

    public bool Has(string name) => First(name) is not null;
}
