using System.Xml;
using System.Xml.Linq;

namespace EcodMini.Core.Tests.Synthetic;

/// <summary>A first HSP read back from generated BLAST XML.</summary>
public sealed record BlastHsp(string Pdb, string Chain, string EValue, int QueryFrom, int QueryTo, int HitFrom, int HitTo, string QuerySeq, string HitSeq, int HspCount = 1)
{
    /// <summary>Query position -> reference position wherever both aligned characters are residues.</summary>
    public Dictionary<int, int> ReferenceToQuery()
    {
        var map = new Dictionary<int, int>();
        int q = QueryFrom, h = HitFrom;
        for (var i = 0; i < QuerySeq.Length; i++)
        {
            var qr = QuerySeq[i] != '-';
            var hr = HitSeq[i] != '-';
            if (qr && hr) map[h] = q;
            if (qr) q++;
            if (hr) h++;
        }
        return map;
    }
}

/// <summary>Reads generated NCBI BLAST XML the way the engine must: DOCTYPE ignored, nothing resolved.</summary>
public static class BlastFiles
{
    public static XDocument Load(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        return XDocument.Load(reader);
    }

    public static IReadOnlyList<BlastHsp> Read(string path) =>
        Load(path).Descendants("Hit").Select(hit =>
        {
            var def = hit.Element("Hit_def")!.Value.Split(' ');
            var hsp = hit.Element("Hit_hsps")!.Element("Hsp")!;
            int I(string name) => int.Parse(hsp.Element(name)!.Value);
            return new BlastHsp(def[0], def[1], hsp.Element("Hsp_evalue")!.Value, I("Hsp_query-from"), I("Hsp_query-to"), I("Hsp_hit-from"), I("Hsp_hit-to"),
                hsp.Element("Hsp_qseq")!.Value, hsp.Element("Hsp_hseq")!.Value, hit.Element("Hit_hsps")!.Elements("Hsp").Count());
        }).ToArray();
}
