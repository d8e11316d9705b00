using System.Globalization;
using System.Xml;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Outputs;

/// <summary>
/// Reads a partition document in either format: v1.0 <c>partition</c> or legacy <c>domain_partition</c>.
/// A bad file throws <see cref="InputFileException"/> naming the file and the reason.
/// </summary>
public static class PartitionDocumentReader
{
    public static PartitionResult Read(string path)
    {
        var content = SafeXml.ReadNonEmpty(path);
        try
        {
            using var reader = SafeXml.Open(content);
            if (reader.MoveToContent() != XmlNodeType.Element) throw new InputFileException(path, "no root element");
            var legacy = reader.LocalName switch
            {
                PartitionXmlNames.V1Root => false,
                PartitionXmlNames.LegacyRoot => true,
                _ => throw new InputFileException(path, $"unknown partition root element <{reader.LocalName}>"),
            };
            return Parse(path, reader, legacy);
        }
        catch (XmlException ex)
        {
            throw new InputFileException(path, SafeXml.Describe(ex), ex);
        }
    }

    private static PartitionResult Parse(string path, XmlReader reader, bool legacy)
    {
        string? pdb = null, chain = null, sequence = null, batchId = null, sha = null, version = null, chainBlast = null;
        int? length = null;
        double? coverage = null;
        DateTimeOffset timestamp = default;
        var domains = new List<PartitionDomain>();
        var flags = new List<QualityFlag>();
        if (legacy)
        {
            pdb = reader.GetAttribute("pdb_id");
            chain = reader.GetAttribute("chain_id");
            length = Int(path, reader.GetAttribute("sequence_length") ?? reader.GetAttribute("length"), "sequence_length");
            coverage = Double(path, reader.GetAttribute("coverage"), "coverage");
        }
        version = reader.GetAttribute("algorithm_version");
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "protein":
                        pdb = reader.GetAttribute("pdb_id") ?? pdb;
                        chain = reader.GetAttribute("chain_id") ?? chain;
                        length = Int(path, reader.GetAttribute("length"), "protein length") ?? length;
                        break;
                    case "sequence": sequence = reader.ReadElementContentAsString().Trim(); continue;
                    case "coverage": coverage = Double(path, reader.ReadElementContentAsString(), "coverage"); continue;
                    case "batch_id": batchId = reader.ReadElementContentAsString().Trim(); continue;
                    case "timestamp":
                        var text = reader.ReadElementContentAsString().Trim();
                        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp))
                            throw new InputFileException(path, $"timestamp '{text}' is not a date");
                        continue;
                    case "input": sha = reader.GetAttribute("sha256"); break;
                    case "chain_blast_file": chainBlast = reader.ReadElementContentAsString().Trim(); continue;
                    case "domain": domains.Add(ReadDomain(path, reader, domains.Count + 1, legacy)); break;
                    case "flag":
                        var type = reader.GetAttribute("type") ?? "";
                        var severity = reader.GetAttribute("severity") ?? QualityFlag.Warning;
                        flags.Add(new QualityFlag(type, severity, reader.ReadElementContentAsString()));
                        continue;
                }
            }
            reader.Read();
        }
        ProteinId protein;
        try { protein = ProteinId.Create(pdb ?? "", chain ?? ""); }
        catch (FormatException ex) { throw new InputFileException(path, $"malformed protein id: {ex.Message}"); }
        return new PartitionResult
        {
            Protein = protein,
            SequenceLength = length ?? 0,
            Sequence = sequence,
            Domains = domains,
            Coverage = coverage ?? 0,
            QualityFlags = flags,
            AlgorithmVersion = version ?? "",
            BatchId = batchId,
            InputSha256 = sha,
            Timestamp = timestamp,
            OutputPath = path,
            ChainBlastPath = string.IsNullOrEmpty(chainBlast) ? null : chainBlast,
        };
    }

    private static PartitionDomain ReadDomain(string path, XmlReader reader, int number, bool legacy)
    {
        var rangeText = reader.GetAttribute("range");
        if (!ResidueRange.TryParse(rangeText, out var range))
            throw new InputFileException(path, $"domain {number}: invalid range '{rangeText}'");
        ResidueRange? original = null;
        if (reader.GetAttribute("original_range") is { } o && ResidueRange.TryParse(o, out var or)) original = or;
        return new PartitionDomain
        {
            Number = number,
            Id = reader.GetAttribute("id") ?? $"d{number}",
            Range = range,
            EcodDomainId = legacy ? reader.GetAttribute("source_id") ?? reader.GetAttribute("ecod_domain") : reader.GetAttribute("ecod_domain") ?? reader.GetAttribute("source_id"),
            Family = reader.GetAttribute("family"),
            TGroup = reader.GetAttribute("t_group"),
            HGroup = reader.GetAttribute("h_group"),
            Source = reader.GetAttribute("source") ?? "",
            Confidence = Double(path, reader.GetAttribute("confidence"), "confidence") ?? 0,
            EvidenceCount = Int(path, reader.GetAttribute("evidence_count"), "evidence_count") ?? 1,
            OriginalRange = original ?? range,
        };
    }

    private static int? Int(string path, string? text, string what)
    {
        if (text is null) return null;
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? v : throw new InputFileException(path, $"{what} '{text}' is not a whole number");
    }

    private static double? Double(string path, string? text, string what)
    {
        if (text is null) return null;
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw new InputFileException(path, $"{what} '{text}' is not a number");
    }
}
