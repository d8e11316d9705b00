using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>Writes a <c>domain_summary version="1.0"</c> document (FORMATS.md).</summary>
internal static class V1SummaryWriter
{
    public static void Write(string path, SyntheticChain chain, string batchName)
    {
        using var xml = SyntheticText.CreateXml(path);
        xml.WriteStartDocument();
        xml.WriteStartElement("domain_summary");
        xml.WriteAttributeString("version", "1.0");
        xml.WriteStartElement("protein");
        xml.WriteAttributeString("pdb_id", chain.Id.Pdb);
        xml.WriteAttributeString("chain_id", chain.Id.Chain);
        xml.WriteAttributeString("length", SyntheticText.Int(chain.Length));
        xml.WriteElementString("sequence", chain.Sequence);
        xml.WriteEndElement();

        xml.WriteStartElement("evidence");
        foreach (var hit in chain.Hits)
        {
            xml.WriteStartElement("hit");
            xml.WriteAttributeString("type", hit.Type);
            // Chain BLAST: a domain id of the hit chain; the reader derives pdb and chain from it.
            xml.WriteAttributeString("target", hit.DomainId);
            if (hit.Type == EvidenceType.DomainBlast && hit.TGroup is not null)
            {
                xml.WriteAttributeString("t_group", hit.TGroup);
                if (hit.HGroup is not null) xml.WriteAttributeString("h_group", hit.HGroup);
            }
            xml.WriteAttributeString("evalue", SyntheticText.EValue(hit.EValue));
            if (hit.Probability is { } probability) xml.WriteAttributeString("probability", SyntheticText.Probability(probability));
            xml.WriteAttributeString("query_range", hit.QueryRange.ToString());
            xml.WriteAttributeString("target_range", hit.HitRange.ToString());
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("metadata");
        xml.WriteElementString("batch_id", batchName);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
