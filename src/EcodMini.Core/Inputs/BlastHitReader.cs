using System.Globalization;
using System.Xml;
using EcodMini.Core.Algorithm;

namespace EcodMini.Core.Inputs;

/// <summary>
/// Reads one <c>Hit</c> of NCBI BLAST XML: its chain key from <c>Hit_def</c> (else <c>Hit_id</c>) and the first
/// <c>Hsp</c>'s alignment. The alignment strings of a hit whose key is not wanted are skipped unread.
/// </summary>
internal static class BlastHitReader
{
    /// <summary>One hit; Key is null when neither definition names a chain (Description then holds the text).</summary>
    public readonly record struct Hit(string? Key, ChainAlignment? Alignment, string? Description);

    /// <summary>Reads from the <c>Hit</c> start element to its end element (the reader is left on that end element).</summary>
    public static Hit Read(XmlReader reader, IReadOnlySet<string>? wanted)
    {
        if (reader.IsEmptyElement) return new Hit(null, null, null);
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
                switch (reader.LocalName)
                {
                    case "Hit_def": def = reader.ReadElementContentAsString(); continue;
                    case "Hit_id": id = reader.ReadElementContentAsString(); continue;
                    case "Hit_hsps" when wanted is not null && !Wanted(def, id, wanted):
                        reader.Skip();
                        continue;
                    case "Hsp":
                        inFirstHsp = !hspSeen && !reader.IsEmptyElement;
                        hspSeen = true;
                        hspDepth = reader.Depth;
                        break;
                    case "Hsp_evalue" when inFirstHsp: evalue = reader.ReadElementContentAsString(); continue;
                    case "Hsp_query-from" when inFirstHsp: qfrom = reader.ReadElementContentAsString(); continue;
                    case "Hsp_hit-from" when inFirstHsp: hfrom = reader.ReadElementContentAsString(); continue;
                    case "Hsp_qseq" when inFirstHsp: qseq = SequenceText.Clean(reader.ReadElementContentAsString()); continue;
                    case "Hsp_hseq" when inFirstHsp: hseq = SequenceText.Clean(reader.ReadElementContentAsString()); continue;
                }
            }
            reader.Read();
        }
        if (!TryKey(def, id, out var key)) return new Hit(null, null, def ?? id);
        if (qseq is null || hseq is null
            || !int.TryParse(qfrom, NumberStyles.Integer, CultureInfo.InvariantCulture, out var qStart)
            || !int.TryParse(hfrom, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hStart))
            return new Hit(key, null, def);
        NumberText.TryParseEvalue(evalue, out var e);
        return new Hit(key, new ChainAlignment(qseq, hseq, qStart, hStart, e), def);
    }

    private static bool Wanted(string? def, string? id, IReadOnlySet<string> wanted) => TryKey(def, id, out var key) && wanted.Contains(key);

    private static bool TryKey(string? def, string? id, out string key)
    {
        key = "";
        if (!BlastChainName.TryParse(def, out var pdb, out var chain) && !BlastChainName.TryParse(id, out pdb, out chain)) return false;
        key = ChainEvidence.AlignmentKey(pdb, chain);
        return true;
    }
}
