using System.Xml;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>
/// Reads a domain summary, detecting the format by its root element: <c>blast_summ_doc</c> (legacy) or
/// <c>domain_summary</c> (v1.0). Structural problems (empty file, malformed XML, entity tricks, missing protein
/// element, malformed protein id, non-numeric length, unknown root) throw <see cref="InputFileException"/>;
/// per-hit problems are left to the engine, which rejects just that hit.
/// </summary>
public static class SummaryReader
{
    public const string LegacyRoot = "blast_summ_doc";
    public const string V1Root = "domain_summary";

    public static ChainEvidence Read(string path) => Parse(path, SafeXml.ReadNonEmpty(path));

    /// <summary>Parses summary bytes already read (the runner hashes the same bytes).</summary>
    public static ChainEvidence Parse(string path, byte[] content)
    {
        try
        {
            using var reader = SafeXml.Open(content);
            if (reader.MoveToContent() != XmlNodeType.Element) throw new InputFileException(path, "no root element");
            return reader.LocalName switch
            {
                LegacyRoot => LegacySummaryParser.Parse(path, reader),
                V1Root => V1SummaryParser.Parse(path, reader),
                _ => throw new InputFileException(path, $"unknown summary root element <{reader.LocalName}> (expected <{LegacyRoot}> or <{V1Root}>)"),
            };
        }
        catch (XmlException ex)
        {
            throw new InputFileException(path, SafeXml.Describe(ex), ex);
        }
    }

    internal static ProteinId CreateProtein(string path, string? pdb, string? chain, string element)
    {
        if (string.IsNullOrWhiteSpace(pdb) || string.IsNullOrWhiteSpace(chain))
            throw new InputFileException(path, $"<{element}> lacks pdb/chain attributes");
        try { return ProteinId.Create(pdb.Trim(), chain.Trim()); }
        catch (FormatException ex) { throw new InputFileException(path, $"malformed protein id: {ex.Message}"); }
    }

    internal static int? ParseLength(string path, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null; // blank = not recorded
        if (NumberText.TryParseLength(text, out var length)) return length;
        throw new InputFileException(path, $"{what} '{text}' is not a positive whole number");
    }
}
