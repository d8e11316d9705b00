using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// Turns summary hits into validated evidence (sections 2-5): parses ranges and scores, resolves source pdb/chain,
/// reference length and classification, computes confidence, applies the blacklist and quality thresholds.
/// A malformed hit is rejected and counted (<see cref="RejectionReasons.InvalidRange"/>, <see cref="RejectionReasons.InvalidEvalue"/>);
/// it never fails the chain. <paramref name="percentScale"/>: the chain's HHsearch probabilities are on the 0-100 scale
/// (<see cref="ProbabilityScale"/>).
/// </summary>
internal sealed class EvidenceBuilder(ReferenceData reference, PartitionOptions options, RejectionLog log, bool percentScale = false)
{
    public Evidence? Build(SummaryHit hit, int index, int sequenceLength, IReadOnlyDictionary<string, ChainAlignment> alignments)
    {
        var type = hit.Type;
        if (type != EvidenceType.ChainBlast && type != EvidenceType.DomainBlast && type != EvidenceType.HhSearch)
        {
            log.Reject(RejectionReasons.InvalidHit, $"{Label(hit)} (unknown type '{type}')");
            return null;
        }
        if (!ResidueRange.TryParse(RangeText.StripChainPrefixes(hit.QueryRange), out var query))
        {
            log.Reject(RejectionReasons.InvalidRange, $"{Label(hit)} (query range '{hit.QueryRange}')");
            return null;
        }
        query = RangeNormalizer.Normalize(query);
        if (query.End > sequenceLength)
        {
            log.Reject(RejectionReasons.InvalidRange, $"{Label(hit)} (query range {query} past sequence end {sequenceLength})");
            return null;
        }
        ResidueRange? target = null;
        if (!string.IsNullOrWhiteSpace(hit.HitRange))
        {
            if (!ResidueRange.TryParse(RangeText.StripChainPrefixes(hit.HitRange), out var t))
            {
                log.Reject(RejectionReasons.InvalidRange, $"{Label(hit)} (hit range '{hit.HitRange}')");
                return null;
            }
            target = RangeNormalizer.Normalize(t);
        }
        if (!NumberText.TryParseEvalue(hit.Evalue, out var evalue))
        {
            log.Reject(RejectionReasons.InvalidEvalue, $"{Label(hit)} (e-value '{hit.Evalue}')");
            return null;
        }
        if (!NumberText.TryParseProbability(hit.Probability, out var probability))
        {
            log.Reject(RejectionReasons.InvalidEvalue, $"{Label(hit)} (probability '{hit.Probability}')");
            return null;
        }
        var targetId = hit.TargetId;
        var refDomain = targetId is null ? null : reference.DomainById(targetId);
        string pdb, chain;
        if (refDomain is not null) { pdb = refDomain.Pdb; chain = refDomain.Chain; }
        else if (ReferenceIdParser.TryParse(targetId, out pdb, out chain)) { }
        else if (!string.IsNullOrWhiteSpace(hit.Pdb) && !string.IsNullOrWhiteSpace(hit.Chain)) { pdb = hit.Pdb.Trim(); chain = hit.Chain.Trim(); }
        else
        {
            log.Reject(RejectionReasons.InvalidHit, $"{Label(hit)} (no target id)");
            return null;
        }
        targetId ??= pdb + "_" + chain;
        if (type == EvidenceType.ChainBlast) return BuildChainHit(hit, index, targetId, pdb, chain, query, target, evalue, alignments);

        var refLength = reference.DomainLength(targetId) ?? reference.DomainLength(pdb)
            ?? (targetId.Length > 1 && targetId[0] == 'e' ? reference.DomainLength(targetId[1..]) : null);
        if (refLength is null && options.RequireReferenceLengths)
        {
            log.Reject(RejectionReasons.NoReferenceLength, Label(hit));
            return null;
        }
        var rc = target is not null && refLength is > 0 ? (double)target.TotalLength / refLength.Value : (double?)null;
        var confidence = ConfidenceCalculator.Compute(options, type, evalue, probability, rc, percentScale: percentScale);
        var below = false;
        var voteOnly = false;
        var hGroup = refDomain?.HGroup ?? NullIfBlank(hit.HGroup);
        if (options.ApplyQualityThresholds && ThresholdFailure(type, confidence, rc) is { } failure)
        {
            below = options.AgreementMinHits > 0 && confidence >= options.AgreementMinConfidence && rc >= options.AgreementMinReferenceCoverage;
            if (!below)
            {
                log.Count(failure);
                voteOnly = CanVote(confidence, rc, hGroup);
                if (!voteOnly) return null;
            }
        }
        return new Evidence
        {
            Type = type, TargetId = targetId, Pdb = pdb, Chain = chain, QueryRange = query, HitRange = target,
            Evalue = evalue, Probability = probability, ReferenceLength = refLength,
            TGroup = refDomain?.TGroup ?? NullIfBlank(hit.TGroup), HGroup = hGroup,
            Family = NullIfBlank(hit.Family), Confidence = confidence, Index = index, BelowThreshold = below, VoteOnly = voteOnly,
        };
    }

    /// <summary>A hit below every floor that may still vote (<see cref="PartitionOptions.WeakHitVotes"/>; still counted as rejected).</summary>
    private bool CanVote(double confidence, double? referenceCoverage, string? hGroup) =>
        options.WeakHitVotes && options.UsesAgreement() && hGroup is not null
        && confidence >= options.WeakVoteMinConfidence && referenceCoverage >= options.WeakVoteMinReferenceCoverage;

    /// <summary>Minimum confidence and reference coverage of a type (section 4); false (and logged) when the hit fails.</summary>
    public bool PassesThresholds(string type, double confidence, double? referenceCoverage)
    {
        if (ThresholdFailure(type, confidence, referenceCoverage) is not { } failure) return true;
        log.Count(failure);
        return false;
    }

    /// <summary>The rejection reason of section 4's thresholds, or null when the hit passes.</summary>
    private string? ThresholdFailure(string type, double confidence, double? referenceCoverage)
    {
        var (minConfidence, minCoverage) = type switch
        {
            EvidenceType.HhSearch => (options.HhSearchMinConfidence, options.HhSearchMinReferenceCoverage),
            EvidenceType.DomainBlast => (options.DomainBlastMinConfidence, options.DomainBlastMinReferenceCoverage),
            EvidenceType.ChainBlastDecomposed => (options.DecomposedMinConfidence, options.DecomposedMinReferenceCoverage),
            _ => (0.0, 0.0),
        };
        if (referenceCoverage is null) return RejectionReasons.IncompleteReferenceData;
        if (confidence < minConfidence) return RejectionReasons.LowConfidence;
        if (referenceCoverage.Value < minCoverage) return RejectionReasons.LowReferenceCoverage;
        return null;
    }

    private Evidence? BuildChainHit(SummaryHit hit, int index, string targetId, string pdb, string chain,
        ResidueRange query, ResidueRange? target, double? evalue, IReadOnlyDictionary<string, ChainAlignment> alignments)
    {
        if (reference.IsBlacklisted(pdb, chain))
        {
            log.Reject(RejectionReasons.Blacklisted, $"{Label(hit)} ({pdb} {chain})");
            return null;
        }
        if (!reference.HasDomainDefinitions(pdb, chain))
        {
            log.Reject(RejectionReasons.NoDomainDefinitions, $"{Label(hit)} ({pdb} {chain})");
            return null;
        }
        var refLength = reference.ProteinLength(pdb, chain);
        if (refLength is null && options.RequireReferenceLengths)
        {
            log.Reject(RejectionReasons.NoReferenceLength, Label(hit));
            return null;
        }
        var rc = target is not null && refLength is > 0 ? (double)target.TotalLength / refLength.Value : (double?)null;
        var alignment = alignments.GetValueOrDefault(ChainEvidence.AlignmentKey(pdb, chain));
        if (alignment is not null && QuerySpan(alignment) is var (from, to) && !Agrees(from, to, query))
        {
            log.Note($"raw alignment for {Label(hit)} spans query {from}-{to}, which disagrees with the summary's hit (query range {query}): not used");
            alignment = null;
        }
        if (alignment is null && !string.IsNullOrEmpty(hit.QuerySequence) && !string.IsNullOrEmpty(hit.HitSequence))
            alignment = InlineAlignment.Create(hit, query.Start, target?.Start ?? 1, evalue);
        return new Evidence
        {
            Type = EvidenceType.ChainBlast, TargetId = targetId, Pdb = pdb, Chain = chain, QueryRange = query, HitRange = target,
            Evalue = evalue, ReferenceLength = refLength, Alignment = alignment, Index = index,
            Confidence = ConfidenceCalculator.Compute(options, EvidenceType.ChainBlast, evalue, null, rc),
        };
    }

    /// <summary>Query positions the alignment's query string covers (first to last aligned residue).</summary>
    private static (int From, int To) QuerySpan(ChainAlignment alignment)
    {
        var residues = 0;
        foreach (var c in alignment.QuerySequence) if (c != '-') residues++;
        return (alignment.QueryStart, alignment.QueryStart + Math.Max(residues, 1) - 1);
    }

    /// <summary>
    /// The alignment's query span shares at least <see cref="PartitionOptions.RawAlignmentMinOverlap"/> of the smaller of
    /// it and the hit's query positions (its segments, so an alignment across the gap between two HSPs still agrees).
    /// </summary>
    private bool Agrees(int from, int to, ResidueRange query)
    {
        var overlap = 0;
        foreach (var s in query.Segments) overlap += Math.Max(0, Math.Min(to, s.End) - Math.Max(from, s.Start) + 1);
        var smaller = Math.Min(to - from + 1, query.TotalLength);
        return overlap > 0 && overlap >= options.RawAlignmentMinOverlap * smaller;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Label(SummaryHit hit) => $"{hit.Type} {hit.TargetId ?? (hit.Pdb + "_" + hit.Chain)} [{hit.QueryRange}]";
}
