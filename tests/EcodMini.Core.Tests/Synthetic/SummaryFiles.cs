using System.Xml.Linq;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Synthetic;

/// <summary>Reads generated summaries with LINQ to XML (independent of the engine's readers).</summary>
public static class SummaryFiles
{
    public static (int Length, IReadOnlyList<SummaryHit> Hits) ReadLegacy(string path)
    {
        var doc = XDocument.Load(path);
        var length = int.Parse(doc.Root!.Element("query_len")!.Value);
        var hits = new List<SummaryHit>();
        foreach (var h in doc.Root.Element("chain_blast_run")!.Descendants("hit"))
            hits.Add(Hit("chain_blast", $"{h.Attribute("pdb_id")!.Value}_{h.Attribute("chain_id")!.Value}", h, h.Attribute("evalues")!.Value, null));
        foreach (var h in doc.Root.Element("blast_run")!.Descendants("hit"))
            hits.Add(Hit("domain_blast", h.Attribute("domain_id")!.Value, h, h.Attribute("evalues")!.Value, null));
        foreach (var h in doc.Root.Element("hh_run")!.Descendants("hit"))
            hits.Add(Hit("hhsearch", h.Attribute("domain_id")!.Value, h, h.Attribute("evalue")!.Value, h.Attribute("probability")!.Value));
        return (length, hits);
    }

    public static (int Length, string Sequence, IReadOnlyList<SummaryHit> Hits) ReadV1(string path)
    {
        var doc = XDocument.Load(path);
        var protein = doc.Root!.Element("protein")!;
        var hits = doc.Root.Element("evidence")!.Elements("hit").Select(h => new SummaryHit(
            h.Attribute("type")!.Value, h.Attribute("target")!.Value,
            ResidueRange.Parse(h.Attribute("query_range")!.Value), ResidueRange.Parse(h.Attribute("target_range")!.Value),
            h.Attribute("evalue")!.Value, h.Attribute("probability")?.Value)).ToArray();
        return (int.Parse(protein.Attribute("length")!.Value), protein.Element("sequence")!.Value, hits);
    }

    private static SummaryHit Hit(string type, string target, XElement h, string evalues, string? probability)
    {
        var list = evalues.Split(',');
        return new(type, target, ResidueRange.Parse(h.Element("query_reg")!.Value), ResidueRange.Parse(h.Element("hit_reg")!.Value), list[0], probability, list.Length);
    }
}
