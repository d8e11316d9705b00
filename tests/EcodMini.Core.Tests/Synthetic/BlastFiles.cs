using System.Xml;
using System.Xml.Linq;

namespace EcodMini.Core.Tests.Synthetic;

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
