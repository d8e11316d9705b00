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
        string? blastFile = null;
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
                        blastFile ??= NonBlank(reader.GetAttribute("blast_file")) ?? NonBlank(reader.GetAttribute("file"));
                        break;
                    // The run's own record of the raw BLAST file it was built from (FORMATS.md; docs/INPUTS.md).
                    case "blast_file" when runType == EvidenceType.ChainBlast:
                        blastFile ??= NonBlank(reader.ReadElementContentAsString());
                        continue;
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
        return new ChainEvidence
        {
            Protein = protein, Length = length, Sequence = sequence, Hits = hits, BatchId = batchId, ChainBlastReference = blastFile,
        };
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// One hit from attributes or child elements (<see cref="HitFields"/>). Target id: <c>domain_id</c>, then
    /// <c>hit_id</c>, then <c>source_id</c> (then <c>target</c>); a chain BLAST hit with pdb_id/chain_id uses those instead
    /// of a hit or source id.
    /// </summary>
    private static SummaryHit ReadHit(XmlReader reader, string type)
    {
        var f = HitFields.Read(reader);
        var pdb = f.First("pdb_id");
        var chain = f.First("chain_id");
        var target = type == EvidenceType.ChainBlast && pdb is not null && chain is not null
            ? f.First("domain_id")
            : f.First("domain_id", "hit_id", "source_id", "target");
        return new SummaryHit
        {
            Type = type, TargetId = target, Pdb = pdb, Chain = chain,
            QueryRange = f.First("query_reg", "query_range"),
            HitRange = f.First("hit_reg", "hit_range", "target_range"),
            Evalue = f.First("evalues", "evalue"),
            Probability = type == EvidenceType.HhSearch ? f.First("probability", "prob") : null,
            TGroup = f.First("t_group"), HGroup = f.First("h_group"), Family = f.First("family", "target_family"),
            Score = f.First("score"), HspCount = f.First("hsp_count"),
            QuerySequence = SequenceText.Clean(f.First("query_seq")), HitSequence = SequenceText.Clean(f.First("hit_seq")),
        };
    }
}
