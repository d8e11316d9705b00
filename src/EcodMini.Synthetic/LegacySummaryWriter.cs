using System.Xml;
using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>Writes a legacy <c>blast_summ_doc</c> domain summary (FORMATS.md).</summary>
internal static class LegacySummaryWriter
{
    public static void Write(string path, SyntheticChain chain)
    {
        using var xml = SyntheticText.CreateXml(path);
        xml.WriteStartDocument();
        xml.WriteStartElement("blast_summ_doc");
        xml.WriteStartElement("blast_summ");
        xml.WriteAttributeString("pdb", chain.Id.Pdb);
        xml.WriteAttributeString("chain", chain.Id.Chain);
        xml.WriteEndElement();
        xml.WriteElementString("query_len", SyntheticText.Int(chain.Length));

        xml.WriteStartElement("chain_blast_run");
        xml.WriteAttributeString("program", "blastp");
        xml.WriteStartElement("hits");
        var num = 0;
        foreach (var hit in chain.ChainBlastHits)
        {
            xml.WriteStartElement("hit");
            xml.WriteAttributeString("num", SyntheticText.Int(++num));
            xml.WriteAttributeString("pdb_id", hit.Pdb);
            xml.WriteAttributeString("chain_id", hit.Chain);
            xml.WriteAttributeString("hsp_count", SyntheticText.Int(hit.HspCount));
            xml.WriteAttributeString("evalues", EValues(hit));
            WriteRegions(xml, hit);
            if (hit.Alignment is { } alignment)
            {
                xml.WriteElementString("query_seq", alignment.QuerySeq);
                xml.WriteElementString("hit_seq", alignment.HitSeq);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("blast_run");
        xml.WriteAttributeString("program", "blastp");
        xml.WriteStartElement("hits");
        foreach (var hit in chain.Hits.Where(h => h.Type == EvidenceType.DomainBlast))
        {
            xml.WriteStartElement("hit");
            xml.WriteAttributeString("domain_id", hit.DomainId);
            xml.WriteAttributeString("pdb_id", hit.Pdb);
            xml.WriteAttributeString("chain_id", hit.Chain);
            xml.WriteAttributeString("evalues", EValues(hit));
            if (hit.TGroup is not null) xml.WriteAttributeString("t_group", hit.TGroup);
            if (hit.HGroup is not null) xml.WriteAttributeString("h_group", hit.HGroup);
            WriteRegions(xml, hit);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("hh_run");
        xml.WriteAttributeString("program", "hhsearch");
        xml.WriteStartElement("hits");
        foreach (var hit in chain.Hits.Where(h => h.Type == EvidenceType.HhSearch))
        {
            xml.WriteStartElement("hit");
            xml.WriteAttributeString("hit_id", hit.DomainId);
            xml.WriteAttributeString("domain_id", hit.DomainId);
            xml.WriteAttributeString("probability", SyntheticText.Probability(hit.Probability ?? 0));
            xml.WriteAttributeString("evalue", SyntheticText.EValue(hit.EValue));
            WriteRegions(xml, hit);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>One e-value per HSP, the hit's own first.</summary>
    private static string EValues(SyntheticHit hit) => hit.SecondHspEValue is { } second
        ? SyntheticText.EValue(hit.EValue) + "," + SyntheticText.EValue(second)
        : SyntheticText.EValue(hit.EValue);

    private static void WriteRegions(XmlWriter xml, SyntheticHit hit)
    {
        xml.WriteElementString("query_reg", hit.QueryRange.ToString());
        xml.WriteElementString("hit_reg", hit.HitRange.ToString());
    }
}
