using System.Globalization;
using System.Xml;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>
/// Reads raw NCBI BLAST XML (standard DOCTYPE accepted, never resolved): for each <c>Hit</c>, the first <c>Hsp</c>,
/// keyed by (hit pdb lower-case, hit chain) from <c>Hit_def</c> = "&lt;pdb&gt; &lt;chain&gt;". First hit per key wins.
/// </summary>
public static class BlastXmlReader
{
    public static IReadOnlyDictionary<string, ChainAlignment> Read(string path)
    {
        var content = SafeXml.ReadNonEmpty(path);
        try
        {
            using var reader = SafeXml.Open(content);
            return Parse(reader);
        }
        catch (XmlException ex)
        {
            throw new InputFileException(path, SafeXml.Describe(ex), ex);
        }
    }

    private static Dictionary<string, ChainAlignment> Parse(XmlReader reader)
    {
        var result = new Dictionary<string, ChainAlignment>(StringComparer.Ordinal);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Hit")
            {
                var (key, alignment) = ReadHit(reader);
                if (key is not null && alignment is not null) result.TryAdd(key, alignment);
            }
            reader.Read();
        }
        return result;
    }

    private static (string? Key, ChainAlignment? Alignment) ReadHit(XmlReader reader)
    {
        if (reader.IsEmptyElement) return (null, null);
        var depth = reader.Depth;
        string? def = null, id = null, qseq = null, hseq = null, evalue = null, qfrom = null, hfrom = null;
        var hspSeen = false;
        var inFirstHsp = false;
        var hspDepth = -1;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == hspDepth) inFirstHsp = false;
            if (reader.NodeType == XmlNodeType.Element)
            {
                var name = reader.LocalName;
                if (name == "Hsp")
                {
                    inFirstHsp = !hspSeen && !reader.IsEmptyElement;
                    hspSeen = true;
                    hspDepth = reader.Depth;
                }
                else if (name == "Hit_def") { def = reader.ReadElementContentAsString(); continue; }
                else if (name == "Hit_id") { id = reader.ReadElementContentAsString(); continue; }
                else if (inFirstHsp)
                {
                    switch (name)
                    {
                        case "Hsp_evalue": evalue = reader.ReadElementContentAsString(); continue;
                        case "Hsp_query-from": qfrom = reader.ReadElementContentAsString(); continue;
                        case "Hsp_hit-from": hfrom = reader.ReadElementContentAsString(); continue;
                        case "Hsp_qseq": qseq = SequenceText.Clean(reader.ReadElementContentAsString()); continue;
                        case "Hsp_hseq": hseq = SequenceText.Clean(reader.ReadElementContentAsString()); continue;
                    }
                }
            }
            reader.Read();
        }
        if (!TryChain(def, out var pdb, out var chain) && !TryChain(id, out pdb, out chain)) return (null, null);
        if (qseq is null || hseq is null
            || !int.TryParse(qfrom, NumberStyles.Integer, CultureInfo.InvariantCulture, out var qStart)
            || !int.TryParse(hfrom, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hStart))
            return (null, null);
        NumberText.TryParseEvalue(evalue, out var e);
        return (ChainEvidence.AlignmentKey(pdb, chain), new ChainAlignment(qseq, hseq, qStart, hStart, e));
    }

    private static bool TryChain(string? text, out string pdb, out string chain)
    {
        pdb = chain = "";
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts[0].Length == 4) { pdb = parts[0]; chain = parts[1]; return true; }
        return ReferenceIdParser.TryParse(parts[0], out pdb, out chain);
    }
}
