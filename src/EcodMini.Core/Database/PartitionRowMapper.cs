using System.Security.Cryptography;
using System.Text;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Database;

/// <summary>
/// Turns a partition result into the rows of partition_proteins, partition_domains and the evidence table: every
/// column the result knows; PDB numbering and a_group stay NULL (no input carries them), is_f70/f40/f99 and
/// is_manual_rep false. The verifier uses the same mapping for what it expects, so import and verification cannot drift apart.
/// </summary>
public static class PartitionRowMapper
{
    /// <summary>Chains shorter than this are flagged is_peptide (EcodMini's rule; the team's pipeline sets the flag upstream).</summary>
    public const int PeptideMaxLength = 30;

    public static ProteinRow Protein(LoadedChain chain, long id, int? batchId, string processVersion, string referenceVersion, DateTime timestamp,
        string parameters, string? gitCommit)
    {
        var r = chain.Result!;
        var assigned = CoveredLength(r.Domains.SelectMany(d => d.Range.Segments));
        var classified = r.Domains.Count(d => !string.IsNullOrEmpty(d.TGroup));
        return new ProteinRow(
            id, r.Protein.Pdb, r.Protein.Chain, batchId, referenceVersion, classified > 0, r.SequenceLength,
            (float)r.Coverage, assigned, r.Domains.Count(d => !string.IsNullOrEmpty(d.Source)), classified, processVersion,
            NullIfEmpty(r.AlgorithmVersion), chain.Candidate.Path, chain.ContentHash, chain.SummaryPath, chain.SummaryHash,
            parameters, timestamp)
        {
            GitCommitHash = gitCommit,
            SequenceMd5 = SequenceMd5(r.Sequence),
            IsPeptide = r.SequenceLength is > 0 and < PeptideMaxLength,
        };
    }

    /// <summary>A domain row; <paramref name="support"/> are its supporting hits (the best one of the primary type fills the evidence columns).</summary>
    public static DomainRow Domain(PartitionDomain d, long id, long proteinId, IReadOnlyList<SupportingHit> support)
    {
        var best = Best(d, support);
        // original_range only where the optimiser changed the range: the team's tools read its presence as "optimised".
        var original = d.OriginalRange is { } o && !o.Equals(d.Range) ? o.ToString() : null;
        return new(id, proteinId, d.Number, d.Id, d.Range.Start, d.Range.End, d.Range.ToString(), d.Size, d.Source,
            NullIfEmpty(d.EcodDomainId), (float)d.Confidence, NullIfEmpty(d.TGroup), NullIfEmpty(d.HGroup),
            EvidenceScorer.XGroup(d.HGroup, d.TGroup), NullIfEmpty(d.Source), NullIfEmpty(d.EcodDomainId), best?.Evalue,
            (d.OriginalRange ?? d.Range).ToString(), best?.HitRange, original, d.Actions.Count == 0 ? null : [.. d.Actions],
            NullIfEmpty(d.EcodDomainId));
    }

    /// <summary>
    /// The domain's evidence rows: first the evidence the partition records (the hit that made the domain, with the
    /// domain's confidence), then each supporting summary hit with the engine's confidence for that hit and its groups.
    /// </summary>
    public static IEnumerable<EvidenceRow> Evidence(PartitionDomain d, long domainId, IReadOnlyList<SupportingHit> support, EvidenceScorer scorer)
    {
        string? pdb = null, chain = null;
        if (ReferenceIdParser.TryParse(d.EcodDomainId, out var p, out var c)) { pdb = p; chain = c; }
        var best = Best(d, support);
        yield return new EvidenceRow(domainId, string.IsNullOrEmpty(d.Source) ? "unknown" : d.Source, NullIfEmpty(d.EcodDomainId),
            NullIfEmpty(d.EcodDomainId), NullIfEmpty(d.EcodDomainId), pdb, chain, (float)d.Confidence, (float?)best?.Probability, best?.Evalue,
            Math.Max(1, d.EvidenceCount), (d.OriginalRange ?? d.Range).IsDiscontinuous, NullIfEmpty(d.TGroup), NullIfEmpty(d.HGroup),
            EvidenceScorer.XGroup(d.HGroup, d.TGroup), (d.OriginalRange ?? d.Range).ToString(), best?.HitRange)
        { Score = (float?)best?.Score };
        foreach (var h in support)
        {
            var (t, hg) = scorer.Groups(h);
            yield return new EvidenceRow(domainId, h.Type, h.TargetId, h.Type == EvidenceType.ChainBlast ? null : h.TargetId, h.TargetId, h.Pdb, h.Chain,
                (float)scorer.Confidence(h), (float?)h.Probability, h.Evalue, h.HspCount ?? 1, h.QueryRange.Contains(','), t, hg,
                EvidenceScorer.XGroup(hg, t), h.QueryRange, h.HitRange)
            { Score = (float?)h.Score };
        }
    }

    /// <summary>Lower-case hex MD5 of the upper-cased sequence (the team's sequence_md5 convention), or null without a sequence.</summary>
    public static string? SequenceMd5(string? sequence) =>
        string.IsNullOrEmpty(sequence) ? null : Convert.ToHexStringLower(MD5.HashData(Encoding.ASCII.GetBytes(sequence.ToUpperInvariant())));

    /// <summary>The best supporting hit of the domain's own evidence type (chain BLAST for a decomposed chain hit).</summary>
    private static SupportingHit? Best(PartitionDomain d, IReadOnlyList<SupportingHit> support)
    {
        var type = d.Source == EvidenceType.ChainBlastDecomposed ? EvidenceType.ChainBlast : d.Source;
        return support.FirstOrDefault(h => h.Type == type);
    }

    /// <summary>Residues in the union of the segments (overlaps counted once).</summary>
    private static int CoveredLength(IEnumerable<Segment> segments)
    {
        int covered = 0, end = int.MinValue;
        foreach (var segment in segments.OrderBy(x => x.Start))
        {
            if (segment.End <= end) continue;
            covered += segment.End - Math.Max(segment.Start, end + 1) + 1;
            end = segment.End;
        }
        return covered;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
