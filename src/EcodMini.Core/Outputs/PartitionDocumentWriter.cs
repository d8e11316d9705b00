using System.Globalization;
using System.Text;
using System.Xml;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Outputs;

/// <summary>
/// Writes a <see cref="PartitionResult"/> as the v1.0 <c>partition</c> document or the legacy <c>domain_partition</c>
/// document. Output is deterministic: identical results give identical bytes (the timestamp is the only varying field).
/// </summary>
public static class PartitionDocumentWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Writes atomically (temporary file in the same folder, then rename; fsynced first when <paramref name="durable"/>); creates the folder.</summary>
    public static void Write(PartitionResult result, string path, OutputFormat format, bool durable = false) =>
        AtomicFile.WriteAllBytes(path, ToBytes(result, format), durable);

    public static string ToXml(PartitionResult result, OutputFormat format) => Utf8NoBom.GetString(ToBytes(result, format));

    public static byte[] ToBytes(PartitionResult result, OutputFormat format)
    {
        using var stream = new MemoryStream(4096);
        var settings = new XmlWriterSettings { Encoding = Utf8NoBom, Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            if (format == OutputFormat.Legacy) WriteLegacy(w, result); else WriteV1(w, result);
            w.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void WriteV1(XmlWriter w, PartitionResult r)
    {
        w.WriteStartElement(PartitionXmlNames.V1Root);
        w.WriteAttributeString("version", PartitionXmlNames.V1Version);
        w.WriteAttributeString("algorithm", AlgorithmInfo.Name);
        w.WriteAttributeString("algorithm_version", r.AlgorithmVersion);
        w.WriteStartElement("protein");
        w.WriteAttributeString("pdb_id", r.Protein.Pdb);
        w.WriteAttributeString("chain_id", r.Protein.Chain);
        w.WriteAttributeString("length", Int(r.SequenceLength));
        if (r.Sequence is not null) w.WriteElementString("sequence", r.Sequence);
        w.WriteElementString("coverage", Number(r.Coverage));
        w.WriteElementString("domain_count", Int(r.DomainCount));
        w.WriteEndElement();
        w.WriteStartElement("domains");
        foreach (var d in r.Domains)
        {
            w.WriteStartElement("domain");
            w.WriteAttributeString("id", d.Id);
            w.WriteAttributeString("range", d.Range.ToString());
            w.WriteAttributeString("size", Int(d.Size));
            Optional(w, "ecod_domain", d.EcodDomainId);
            Optional(w, "family", d.Family);
            Optional(w, "t_group", d.TGroup);
            Optional(w, "h_group", d.HGroup);
            w.WriteAttributeString("source", d.Source);
            w.WriteAttributeString("confidence", Number(d.Confidence));
            w.WriteAttributeString("evidence_count", Int(d.EvidenceCount));
            if (d.OriginalRange is not null && !d.OriginalRange.Equals(d.Range)) w.WriteAttributeString("original_range", d.OriginalRange.ToString());
            w.WriteEndElement();
        }
        w.WriteEndElement();
        WriteQualityFlags(w, r);
        WriteMetadata(w, r);
        w.WriteEndElement();
    }

    private static void WriteLegacy(XmlWriter w, PartitionResult r)
    {
        w.WriteStartElement(PartitionXmlNames.LegacyRoot);
        w.WriteAttributeString("pdb_id", r.Protein.Pdb);
        w.WriteAttributeString("chain_id", r.Protein.Chain);
        w.WriteAttributeString("reference", PartitionXmlNames.DefaultReference);
        w.WriteAttributeString("is_classified", r.DomainCount > 0 ? "true" : "false");
        w.WriteAttributeString("sequence_length", Int(r.SequenceLength));
        w.WriteAttributeString("coverage", Number(r.Coverage));
        w.WriteAttributeString("algorithm_version", r.AlgorithmVersion);
        w.WriteStartElement("domains");
        foreach (var d in r.Domains)
        {
            w.WriteStartElement("domain");
            w.WriteAttributeString("id", d.Id);
            w.WriteAttributeString("range", d.Range.ToString());
            w.WriteAttributeString("size", Int(d.Size));
            w.WriteAttributeString("source", d.Source);
            Optional(w, "source_id", d.EcodDomainId);
            Optional(w, "family", d.Family);
            Optional(w, "t_group", d.TGroup);
            Optional(w, "h_group", d.HGroup);
            w.WriteAttributeString("confidence", Number(d.Confidence));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        WriteQualityFlags(w, r);
        WriteMetadata(w, r);
        w.WriteEndElement();
    }

    private static void WriteQualityFlags(XmlWriter w, PartitionResult r)
    {
        if (r.QualityFlags.Count == 0) return;
        w.WriteStartElement("quality_flags");
        foreach (var f in r.QualityFlags)
        {
            w.WriteStartElement("flag");
            w.WriteAttributeString("type", f.FlagType);
            w.WriteAttributeString("severity", f.Severity);
            w.WriteString(f.Message);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void WriteMetadata(XmlWriter w, PartitionResult r)
    {
        w.WriteStartElement("metadata");
        if (r.BatchId is not null) w.WriteElementString("batch_id", r.BatchId);
        w.WriteElementString("timestamp", r.Timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (r.InputSha256 is not null)
        {
            w.WriteStartElement("input");
            w.WriteAttributeString("sha256", r.InputSha256);
            w.WriteEndElement();
        }
        // Provenance: the raw chain BLAST file whose alignments were used.
        if (r.ChainBlastPath is not null) w.WriteElementString("chain_blast_file", r.ChainBlastPath);
        w.WriteEndElement();
    }

    private static void Optional(XmlWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) w.WriteAttributeString(name, value);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
