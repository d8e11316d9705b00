using System.Text.Json;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Database;

/// <summary>
/// Turns a partition result into the rows of partition_proteins, partition_domains and the evidence table: every
/// column the result knows; the rest stay NULL (PDB numbering, a_group) or false (is_f70/f40/f99, is_manual_rep).
/// The verifier uses the same mapping for what it expects, so import and verification cannot drift apart.
/// </summary>
public static class PartitionRowMapper
{
    public static ProteinRow Protein(LoadedChain chain, long id, int? batchId, string processVersion, string referenceVersion, DateTime timestamp)
    {
        var r = chain.Result!;
        var assigned = ResidueRange.FromPositions(r.Domains.SelectMany(d => d.Range.Positions())).TotalLength;
        var parameters = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["algorithm"] = AlgorithmInfo.Name,
            ["quality_grade"] = chain.Grade,
            ["quality_flags"] = r.QualityFlags.Select(f => f.FlagType).ToArray(),
            ["input_sha256"] = r.InputSha256,
            ["partition_timestamp"] = r.Timestamp == default ? null : r.Timestamp.ToUniversalTime().ToString("O"),
        });
        return new ProteinRow(
            id, r.Protein.Pdb, r.Protein.Chain, batchId, referenceVersion, r.DomainCount > 0, r.SequenceLength,
            (float)r.Coverage, assigned, r.Domains.Count(d => !string.IsNullOrEmpty(d.Source)),
            r.Domains.Count(d => !string.IsNullOrEmpty(d.TGroup) && !string.IsNullOrEmpty(d.HGroup)), processVersion,
            NullIfEmpty(r.AlgorithmVersion), chain.Candidate.Path, chain.ContentHash, SummaryPath(chain, referenceVersion), r.InputSha256,
            parameters, timestamp);
    }

    public static DomainRow Domain(PartitionDomain d, long id, long proteinId) =>
        new(id, proteinId, d.Number, d.Id, d.Range.Start, d.Range.End, d.Range.ToString(), d.Size, d.Source,
            NullIfEmpty(d.EcodDomainId), (float)d.Confidence, NullIfEmpty(d.TGroup), NullIfEmpty(d.HGroup),
            XGroup(d), NullIfEmpty(d.Source), NullIfEmpty(d.EcodDomainId), (d.OriginalRange ?? d.Range).ToString(),
            (d.OriginalRange ?? d.Range).ToString(), d.Actions.Count == 0 ? null : string.Join("; ", d.Actions),
            NullIfEmpty(d.EcodDomainId));

    /// <summary>The domain's supporting evidence as the partition records it: the hit that made the domain.</summary>
    public static EvidenceRow Evidence(PartitionDomain d, long domainId)
    {
        string? pdb = null, chain = null;
        if (ReferenceIdParser.TryParse(d.EcodDomainId, out var p, out var c)) { pdb = p; chain = c; }
        return new EvidenceRow(domainId, string.IsNullOrEmpty(d.Source) ? "unknown" : d.Source, NullIfEmpty(d.EcodDomainId),
            NullIfEmpty(d.EcodDomainId), NullIfEmpty(d.EcodDomainId), pdb, chain, (float)d.Confidence, Math.Max(1, d.EvidenceCount),
            (d.OriginalRange ?? d.Range).IsDiscontinuous, NullIfEmpty(d.TGroup), NullIfEmpty(d.HGroup), XGroup(d),
            (d.OriginalRange ?? d.Range).ToString());
    }

    /// <summary>The X-group: the first component of the dotted ECOD H- or T-group id (e.g. 7 for 7.1.1).</summary>
    private static string? XGroup(PartitionDomain d)
    {
        var id = NullIfEmpty(d.HGroup) ?? NullIfEmpty(d.TGroup);
        if (id is null) return null;
        var dot = id.IndexOf('.');
        return dot > 0 && id[..dot].All(char.IsAsciiDigit) ? id[..dot] : null;
    }

    private static string? SummaryPath(LoadedChain chain, string referenceVersion)
    {
        if (chain.Result!.SummaryPath is { Length: > 0 } known) return known;
        if (chain.BatchDirectory is null) return null;
        var summary = Path.Combine(chain.BatchDirectory, BatchLayout.DomainsFolder, BatchLayout.SummaryFileName(chain.Result.Protein, referenceVersion));
        return File.Exists(summary) ? summary : null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
