using System.Xml;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>Streaming parser of the v1.0 <c>domain_summary</c> document (FORMATS.md).</summary>
internal static class V1SummaryParser
{
    public static ChainEvidence Parse(string path, XmlReader reader)
    {
        ProteinId? protein = null;
        int? length = null;
        string? sequence = null;
        string? batchId = null;
        var hits = new List<SummaryHit>();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "protein":
                        protein = SummaryReader.CreateProtein(path, reader.GetAttribute("pdb_id"), reader.GetAttribute("chain_id"), "protein");
                        length = SummaryReader.ParseLength(path, reader.GetAttribute("length"), "protein length");
                        break;
                    case "sequence":
                        sequence = SequenceText.Clean(reader.ReadElementContentAsString());
                        continue;
                    case "batch_id":
                        batchId = reader.ReadElementContentAsString().Trim();
                        continue;
                    case "hit":
                        hits.Add(ReadHit(reader));
                        break;
                }
            }
            reader.Read();
        }
        if (protein is null) throw new InputFileException(path, "missing <protein> element");
        return new ChainEvidence { Protein = protein, Length = length, Sequence = sequence, Hits = hits, BatchId = batchId };
    }

    private static SummaryHit ReadHit(XmlReader reader)
    {
        var type = NormalizeType(reader.GetAttribute("type"));
        return new SummaryHit
        {
            Type = type,
            TargetId = reader.GetAttribute("target") ?? reader.GetAttribute("domain_id") ?? reader.GetAttribute("hit_id"),
            Pdb = reader.GetAttribute("pdb_id"),
            Chain = reader.GetAttribute("chain_id"),
            QueryRange = reader.GetAttribute("query_range") ?? reader.GetAttribute("query_reg"),
            HitRange = reader.GetAttribute("target_range") ?? reader.GetAttribute("hit_range") ?? reader.GetAttribute("hit_reg"),
            Evalue = reader.GetAttribute("evalue") ?? reader.GetAttribute("evalues"),
            // Only HHsearch confidence uses a probability; on other hits it is ignored, never a reason to reject.
            Probability = type == EvidenceType.HhSearch ? reader.GetAttribute("probability") ?? reader.GetAttribute("prob") : null,
            TGroup = reader.GetAttribute("t_group"),
            HGroup = reader.GetAttribute("h_group"),
            Family = reader.GetAttribute("target_family"),
            QuerySequence = SequenceText.Clean(reader.GetAttribute("query_seq")),
            HitSequence = SequenceText.Clean(reader.GetAttribute("hit_seq")),
        };
    }

    private static string NormalizeType(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        "hh_search" or "hhsearch" or "hhblits" => EvidenceType.HhSearch,
        "domain_blast" or "blast" => EvidenceType.DomainBlast,
        "chain_blast" => EvidenceType.ChainBlast,
        var other => other ?? "",
    };
}
