using System.Xml;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>Streaming parser of the legacy <c>blast_summ_doc</c> summary (FORMATS.md).</summary>
internal static class LegacySummaryParser
{
    public static ChainEvidence Parse(string path, XmlReader reader)
    {
        ProteinId? protein = null;
        int? length = null;
        string? sequence = null;
        string? batchId = reader.GetAttribute("batch_id");
        var hits = new List<SummaryHit>();
        string? runType = null;
        var runDepth = -1;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == runDepth) { runType = null; runDepth = -1; }
            if (reader.NodeType == XmlNodeType.Element)
            {
                // Cases that read element content leave the reader on the next node, hence "continue".
                switch (reader.LocalName)
                {
                    case "blast_summ":
                        protein ??= SummaryReader.CreateProtein(path, reader.GetAttribute("pdb"), reader.GetAttribute("chain"), "blast_summ");
                        length ??= SummaryReader.ParseLength(path, reader.GetAttribute("length") ?? reader.GetAttribute("query_len"), "length");
                        break;
                    case "protein":
                        if (protein is null && reader.GetAttribute("pdb_id") is { } pdb)
                            protein = SummaryReader.CreateProtein(path, pdb, reader.GetAttribute("chain_id"), "protein");
                        length = SummaryReader.ParseLength(path, reader.GetAttribute("length"), "protein length") ?? length;
                        break;
                    case "query_len":
                        length = SummaryReader.ParseLength(path, reader.ReadElementContentAsString(), "query_len") ?? length;
                        continue;
                    // Hits inside a run are consumed whole by ReadHit, so a query_seq met here is the chain's own
                    // (top level, or directly inside a run next to <query_len>).
                    case "sequence" or "query_sequence" when runType is null:
                    case "query_seq" when runType is not null || reader.Depth <= 2:
                        sequence = SequenceText.Clean(reader.ReadElementContentAsString());
                        continue;
                    case "batch_id" when runType is null:
                        batchId = reader.ReadElementContentAsString().Trim();
                        continue;
                    case "chain_blast_run":
                        (runType, runDepth) = (EvidenceType.ChainBlast, reader.IsEmptyElement ? -1 : reader.Depth);
                        break;
                    case "blast_run":
                        (runType, runDepth) = (EvidenceType.DomainBlast, reader.IsEmptyElement ? -1 : reader.Depth);
                        break;
                    case "hh_run":
                        (runType, runDepth) = (EvidenceType.HhSearch, reader.IsEmptyElement ? -1 : reader.Depth);
                        break;
                    case "hit" when runType is not null:
                        hits.Add(ReadHit(reader, runType));
                        break;
                }
            }
            reader.Read();
        }
        if (protein is null) throw new InputFileException(path, "missing protein element <blast_summ pdb=... chain=...>");
        return new ChainEvidence { Protein = protein, Length = length, Sequence = sequence, Hits = hits, BatchId = batchId };
    }

    private static SummaryHit ReadHit(XmlReader reader, string type)
    {
        var domainId = reader.GetAttribute("domain_id");
        var hitId = reader.GetAttribute("hit_id") ?? reader.GetAttribute("target");
        var pdb = reader.GetAttribute("pdb_id");
        var chain = reader.GetAttribute("chain_id");
        var evalue = reader.GetAttribute("evalues") ?? reader.GetAttribute("evalue");
        var probability = reader.GetAttribute("probability") ?? reader.GetAttribute("prob");
        var tGroup = reader.GetAttribute("t_group");
        var hGroup = reader.GetAttribute("h_group");
        var family = reader.GetAttribute("family") ?? reader.GetAttribute("target_family");
        string? queryRange = reader.GetAttribute("query_reg") ?? reader.GetAttribute("query_range"),
            hitRange = reader.GetAttribute("hit_reg") ?? reader.GetAttribute("hit_range") ?? reader.GetAttribute("target_range");
        string? querySeq = null, hitSeq = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "query_reg": queryRange = reader.ReadElementContentAsString(); continue;
                        case "hit_reg": hitRange = reader.ReadElementContentAsString(); continue;
                        case "query_seq": querySeq = SequenceText.Clean(reader.ReadElementContentAsString()); continue;
                        case "hit_seq": hitSeq = SequenceText.Clean(reader.ReadElementContentAsString()); continue;
                    }
                }
                reader.Read();
            }
        }
        string? target = type == EvidenceType.ChainBlast
            ? (domainId ?? (pdb is not null && chain is not null ? null : hitId))
            : (domainId ?? hitId);
        return new SummaryHit
        {
            Type = type, TargetId = target, Pdb = pdb, Chain = chain, QueryRange = queryRange, HitRange = hitRange,
            Evalue = evalue, Probability = type == EvidenceType.HhSearch ? probability : null,
            TGroup = tGroup, HGroup = hGroup, Family = family, QuerySequence = querySeq, HitSequence = hitSeq,
        };
    }
}
