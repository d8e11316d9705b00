using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace EcodMini.Core.Configuration;

/// <summary>
/// Reads typed values from one section mapping, collecting errors that name the key, and remembering which keys it
/// asked for so <see cref="ReportUnknownKeys"/> can flag the rest.
/// </summary>
internal sealed class YamlSectionReader(string section, YamlMappingNode? mapping, List<string> errors)
{
    private readonly List<string> _known = [];
    private readonly List<YamlSectionReader> _nested = [];

    public bool Present => mapping is not null;

    /// <summary>The section's keys asked for so far, as <c>section.key</c> (a nested mapping's as <c>section.sub.key</c>).</summary>
    public IEnumerable<string> KnownKeys =>
        _known.Where(k => !_nested.Any(n => n.LeafName == k)).Select(k => $"{section}.{k}").Concat(_nested.SelectMany(n => n.KnownKeys));

    private string LeafName => section[(section.LastIndexOf('.') + 1)..];

    /// <summary>A reader of the mapping under <paramref name="key"/> (absent: a reader with nothing present), named section.key.</summary>
    public YamlSectionReader Nested(string key)
    {
        _known.Add(key);
        YamlMappingNode? child = null;
        if (mapping is not null && mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            if (node is YamlMappingNode m) child = m;
            else if (node is not YamlScalarNode { Value: null or "" }) errors.Add($"{section}.{key}: expected a mapping of keys");
        }
        var reader = new YamlSectionReader($"{section}.{key}", child, errors);
        _nested.Add(reader);
        return reader;
    }

    public string String(string key, string fallback, bool required = false) =>
        Read(key, fallback, required, "a text value", text => (true, text));

    public string? OptionalString(string key, string? fallback) =>
        TryScalar(key, out var text, out var present) ? text : present ? null : fallback;

    public int Int(string key, int fallback) =>
        Read(key, fallback, false, "an integer", text => (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v), v));

    public int? OptionalInt(string key, int? fallback)
    {
        if (!TryScalar(key, out var text, out var present)) return present ? null : fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add($"{section}.{key}: expected an integer, got '{text}'");
        return fallback;
    }

    public double Double(string key, double fallback) =>
        Read(key, fallback, false, "a number", text => (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v), v));

    public bool Bool(string key, bool fallback) =>
        Read(key, fallback, false, "true or false", text => text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => (true, true),
            "false" or "no" or "off" => (true, false),
            _ => (false, false),
        });

    public string Choice(string key, string fallback, params string[] allowed) =>
        Read(key, fallback, false, string.Join(" or ", allowed), text =>
        {
            var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
            return (match is not null, match ?? fallback);
        });

    public void ReportUnknownKeys()
    {
        if (mapping is null) return;
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""))
            if (!_known.Contains(key)) errors.Add(KeySuggestion.UnknownKeyMessage(section, key, _known));
    }

    private T Read<T>(string key, T fallback, bool required, string expected, Func<string, (bool Ok, T Value)> parse)
    {
        if (!TryScalar(key, out var text, out var present))
        {
            if (present || (required && mapping is not null)) errors.Add($"{section}.{key}: missing value");
            return fallback;
        }
        var (ok, value) = parse(text!);
        if (ok) return value;
        errors.Add($"{section}.{key}: expected {expected}, got '{text}'");
        return fallback;
    }

    /// <summary>True with the text when the key holds a non-empty scalar; <paramref name="present"/> says whether the key was written at all.</summary>
    private bool TryScalar(string key, out string? text, out bool present)
    {
        _known.Add(key);
        text = null;
        present = false;
        if (mapping is null || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var node)) return false;
        present = true;
        if (node is not YamlScalarNode scalar)
        {
            errors.Add($"{section}.{key}: expected a single value, got a {(node is YamlMappingNode ? "mapping" : "list")}");
            present = false;
            return false;
        }
        var value = scalar.Value;
        if (string.IsNullOrWhiteSpace(value) || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null")) return false;
        text = value.Trim();
        return true;
    }
}
