using System.Globalization;
using System.Xml;

namespace EcodMini.Synthetic;

/// <summary>Writes the raw chain BLAST result of one query in NCBI BLAST XML (with the standard DOCTYPE).</summary>
internal static class BlastXmlWriter
{
    public static void Write(string path, SyntheticChain chain, string referenceVersion)
    {
        using var xml = SyntheticText.CreateXml(path);
        var queryDef = chain.Id.ToString();
        var queryLength = SyntheticText.Int(chain.Length);
        xml.WriteStartDocument();
        xml.WriteDocType("BlastOutput", "-//NCBI//NCBI BlastOutput/EN", "http://www.ncbi.nlm.nih.gov/dtd/NCBI_BlastOutput.dtd", null);
        xml.WriteStartElement("BlastOutput");
        xml.WriteElementString("BlastOutput_program", "blastp");
        xml.WriteElementString("BlastOutput_version", "BLASTP 2.15.0+");
        xml.WriteElementString("BlastOutput_reference", "Stephen F. Altschul et al. (1997), Nucleic Acids Res. 25:3389-3402.");
        xml.WriteElementString("BlastOutput_db", $"ecod_chains_{referenceVersion}");
        xml.WriteElementString("BlastOutput_query-ID", "Query_1");
        xml.WriteElementString("BlastOutput_query-def", queryDef);
        xml.WriteElementString("BlastOutput_query-len", queryLength);
        xml.WriteStartElement("BlastOutput_param");
        xml.WriteStartElement("Parameters");
        xml.WriteElementString("Parameters_matrix", "BLOSUM62");
        xml.WriteElementString("Parameters_expect", "0.002");
        xml.WriteElementString("Parameters_gap-open", "11");
        xml.WriteElementString("Parameters_gap-extend", "1");
        xml.WriteElementString("Parameters_filter", "F");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("BlastOutput_iterations");
        xml.WriteStartElement("Iteration");
        xml.WriteElementString("Iteration_iter-num", "1");
        xml.WriteElementString("Iteration_query-ID", "Query_1");
        xml.WriteElementString("Iteration_query-def", queryDef);
        xml.WriteElementString("Iteration_query-len", queryLength);
        xml.WriteStartElement("Iteration_hits");
        var num = 0;
        foreach (var hit in chain.ChainBlastHits)
        {
            if (hit.Alignment is not { } alignment) continue;
            num++;
            WriteHit(xml, num, hit, alignment);
        }
        xml.WriteEndElement();
        xml.WriteStartElement("Iteration_stat");
        xml.WriteStartElement("Statistics");
        xml.WriteElementString("Statistics_db-num", "0");
        xml.WriteElementString("Statistics_db-len", "0");
        xml.WriteElementString("Statistics_hsp-len", "0");
        xml.WriteElementString("Statistics_eff-space", "0");
        xml.WriteElementString("Statistics_kappa", "0.041");
        xml.WriteElementString("Statistics_lambda", "0.267");
        xml.WriteElementString("Statistics_entropy", "0.14");
        xml.WriteEndElement();
        xml.WriteEndElement();
        if (num == 0) xml.WriteElementString("Iteration_message", "No hits found");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteHit(XmlWriter xml, int num, SyntheticHit hit, ChainAlignment alignment)
    {
        xml.WriteStartElement("Hit");
        xml.WriteElementString("Hit_num", SyntheticText.Int(num));
        xml.WriteElementString("Hit_id", $"pdb|{hit.Pdb.ToUpperInvariant()}|{hit.Chain}");
        xml.WriteElementString("Hit_def", $"{hit.Pdb} {hit.Chain}");
        xml.WriteElementString("Hit_accession", $"{hit.Pdb}_{hit.Chain}");
        xml.WriteElementString("Hit_len", SyntheticText.Int(alignment.HitLength));
        xml.WriteStartElement("Hit_hsps");
        WriteHsp(xml, 1, hit.EValue, alignment);
        if (hit.SecondHspEValue is { } second)
            WriteHsp(xml, 2, second, SecondHspAlignment(alignment));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A weaker second HSP: up to 30 residues from the start of each side, ungapped (only the first HSP is ever used).</summary>
    private static ChainAlignment SecondHspAlignment(ChainAlignment first)
    {
        var length = Math.Min(30, Math.Min(first.QueryTo - first.QueryFrom + 1, first.HitTo - first.HitFrom + 1));
        var q = first.QuerySeq.Replace("-", "")[..length];
        var h = first.HitSeq.Replace("-", "")[..length];
        return new ChainAlignment(first.QueryFrom, first.QueryFrom + length - 1, first.HitFrom, first.HitFrom + length - 1, q, h, first.HitLength);
    }

    private static void WriteHsp(XmlWriter xml, int number, double evalue, ChainAlignment alignment)
    {
        var identities = alignment.Identities;
        var score = Math.Max(1, identities * 5 - alignment.Gaps * 2);
        xml.WriteStartElement("Hsp");
        xml.WriteElementString("Hsp_num", SyntheticText.Int(number));
        xml.WriteElementString("Hsp_bit-score", (score * 0.4).ToString("0.0###", CultureInfo.InvariantCulture));
        xml.WriteElementString("Hsp_score", SyntheticText.Int(score));
        xml.WriteElementString("Hsp_evalue", SyntheticText.EValue(evalue));
        xml.WriteElementString("Hsp_query-from", SyntheticText.Int(alignment.QueryFrom));
        xml.WriteElementString("Hsp_query-to", SyntheticText.Int(alignment.QueryTo));
        xml.WriteElementString("Hsp_hit-from", SyntheticText.Int(alignment.HitFrom));
        xml.WriteElementString("Hsp_hit-to", SyntheticText.Int(alignment.HitTo));
        xml.WriteElementString("Hsp_query-frame", "0");
        xml.WriteElementString("Hsp_hit-frame", "0");
        xml.WriteElementString("Hsp_identity", SyntheticText.Int(identities));
        xml.WriteElementString("Hsp_positive", SyntheticText.Int(identities));
        xml.WriteElementString("Hsp_gaps", SyntheticText.Int(alignment.Gaps));
        xml.WriteElementString("Hsp_align-len", SyntheticText.Int(alignment.AlignLength));
        xml.WriteElementString("Hsp_qseq", alignment.QuerySeq);
        xml.WriteElementString("Hsp_hseq", alignment.HitSeq);
        xml.WriteElementString("Hsp_midline", alignment.Midline);
        xml.WriteEndElement();
    }
}
