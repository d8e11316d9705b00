using System.Text.Json;
using EcodMini.Core.Algorithm;
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
            NullIfEmpty(r.AlgorithmVersion), chain.Candidate.Path, chain.ContentHash, chain.SummaryPath, r.InputSha256,
            parameters, timestamp);
    }

    /// <summary>A domain row; <paramref name="support"/> are its supporting hits (the best one of the primary type fills the evidence columns).</summary>
    public static DomainRow Domain(PartitionDomain d, long id, long proteinId, IReadOnlyList<SupportingHit> support)
    {
        var best = Best(d, support);
        return new(id, proteinId, d.Number, d.Id, d.Range.Start, d.Range.End, d.Range.ToString(), d.Size, d.Source,
            NullIfEmpty(d.EcodDomainId), (float)d.Confidence, NullIfEmpty(d.TGroup), NullIfEmpty(d.HGroup),
            XGroup(d), NullIfEmpty(d.Source), NullIfEmpty(d.EcodDomainId), best?.Evalue, (d.OriginalRange ?? d.Range).ToString(),
            best?.HitRange, (d.OriginalRange ?? d.Range).ToString(), d.Actions.Count == 0 ? null : string.Join("; ", d.Actions),
            NullIfEmpty(d.EcodDomainId));
    }

    /// <summary>
    /// The domain's evidence rows: first the evidence the partition records (the hit that made the domain, with its
    /// confidence), then each supporting summary hit (no confidence of its own).
    /// </summary>
    public static IEnumerable<EvidenceRow> Evidence(PartitionDomain d, long domainId, IReadOnlyList<SupportingHit> support)
    {
        string? pdb = null, chain = null;
        if (ReferenceIdParser.TryParse(d.EcodDomainId, out var p, out var c)) { pdb = p; chain = c; }
        var best = Best(d, support);
        yield return new EvidenceRow(domainId, string.IsNullOrEmpty(d.Source) ? "unknown" : d.Source, NullIfEmpty(d.EcodDomainId),
            NullIfEmpty(d.EcodDomainId), NullIfEmpty(d.EcodDomainId), pdb, chain, (float)d.Confidence, (float?)best?.Probability, best?.Evalue,
            Math.Max(1, d.EvidenceCount), (d.OriginalRange ?? d.Range).IsDiscontinuous, NullIfEmpty(d.TGroup), NullIfEmpty(d.HGroup), XGroup(d),
            (d.OriginalRange ?? d.Range).ToString(), best?.HitRange);
        foreach (var h in support)
        {
            var discontinuous = h.QueryRange.Contains(',');
            yield return new EvidenceRow(domainId, h.Type, h.TargetId, h.Type == EvidenceType.ChainBlast ? null : h.TargetId, h.TargetId, h.Pdb, h.Chain,
                null, (float?)h.Probability, h.Evalue, 1, discontinuous, NullIfEmpty(h.TGroup), NullIfEmpty(h.HGroup), null, h.QueryRange, h.HitRange);
        }
    }

    /// <summary>The best supporting hit of the domain's own evidence type (chain BLAST for a decomposed chain hit).</summary>
    private static SupportingHit? Best(PartitionDomain d, IReadOnlyList<SupportingHit> support)
    {
        var type = d.Source == EvidenceType.ChainBlastDecomposed ? EvidenceType.ChainBlast : d.Source;
        return support.FirstOrDefault(h => h.Type == type);
    }

    /// <summary>The X-group: the first component of the dotted ECOD H- or T-group id (e.g. 7 for 7.1.1).</summary>
    private static string? XGroup(PartitionDomain d)
    {
        var id = NullIfEmpty(d.HGroup) ?? NullIfEmpty(d.TGroup);
        if (id is null) return null;
        var dot = id.IndexOf('.');
        return dot > 0 && id[..dot].All(char.IsAsciiDigit) ? id[..dot] : null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
