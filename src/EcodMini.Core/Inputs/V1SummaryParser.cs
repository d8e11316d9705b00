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
        string? blastFile = null;
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
                    // The summary's own record of the raw chain BLAST file it was built from (docs/INPUTS.md).
                    case "chain_blast_file" or "chain_blast_xml":
                        var named = reader.ReadElementContentAsString().Trim();
                        if (named.Length > 0) blastFile ??= named;
                        continue;
                    case "hit":
                        hits.Add(ReadHit(reader));
                        break;
                }
            }
            reader.Read();
        }
        if (protein is null) throw new InputFileException(path, "missing <protein> element");
        return new ChainEvidence
        {
            Protein = protein, Length = length, Sequence = sequence, Hits = hits, BatchId = batchId, ChainBlastReference = blastFile,
        };
    }

    /// <summary>
    /// One hit from attributes or child elements (<see cref="HitFields"/>). Target id: <c>target</c>, then
    /// <c>domain_id</c>, <c>hit_id</c>, <c>source_id</c>.
    /// </summary>
    private static SummaryHit ReadHit(XmlReader reader)
    {
        var f = HitFields.Read(reader);
        var type = NormalizeType(f.First("type"));
        return new SummaryHit
        {
            Type = type,
            TargetId = f.First("target", "domain_id", "hit_id", "source_id"),
            Pdb = f.First("pdb_id"),
            Chain = f.First("chain_id"),
            QueryRange = f.First("query_range", "query_reg"),
            HitRange = f.First("target_range", "hit_range", "hit_reg"),
            Evalue = f.First("evalue", "evalues"),
            // Only HHsearch confidence uses a probability; on other hits it is ignored, never a reason to reject.
            Probability = type == EvidenceType.HhSearch ? f.First("probability", "prob") : null,
            TGroup = f.First("t_group"),
            HGroup = f.First("h_group"),
            Family = f.First("target_family", "family"),
            Score = f.First("score"),
            HspCount = f.First("hsp_count"),
            QuerySequence = SequenceText.Clean(f.First("query_seq")),
            HitSequence = SequenceText.Clean(f.First("hit_seq")),
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
