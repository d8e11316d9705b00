using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// Phases 2 and 3 of section 7 (domain BLAST, then HHsearch) with the agreement rules of docs/ALGORITHM-NOTES.md:
/// candidates ordered by support, sub-threshold hits kept only with enough agreeing hits, lone weak hits and outvoted
/// hits refused, and an accepted domain taking the consensus of its agreeing hits. With every rule off
/// (<see cref="PartitionOptions.Original"/>) this is exactly section 7. Per chain; not thread-safe.
/// </summary>
internal sealed class DomainHitSelector(PartitionOptions options, RejectionLog log, int length, EvidenceAgreement? agreement, IComparer<Evidence> order)
{
    /// <summary>The evidence each accepted domain came from (for <see cref="ReferenceEndProjector"/>).</summary>
    public Dictionary<WorkingDomain, Evidence> Sources { get; } = new(ReferenceEqualityComparer.Instance);

    public void Select(List<Evidence> hits, ResidueMask mask, List<WorkingDomain> selected)
    {
        var ordered = agreement is not null && options.OrderBySupport
            ? hits.OrderByDescending(h => agreement.Support(h) - agreement.Votes(h)).ThenBy(h => h, order).ToList() // votes decide acceptance, not order
            : hits;
        for (var i = 0; i < ordered.Count; i++)
        {
            var hit = ordered[i];
            if (mask.UnusedCount < options.MinDomainSize)
            {
                for (var j = i; j < ordered.Count; j++) log.Count(RejectionReasons.NoSpaceLeft);
                return;
            }
            if (agreement is not null && Refused(hit, agreement)) continue;
            var range = agreement is not null && options.ConsensusBoundaries ? agreement.Consensus(hit, length) : hit.QueryRange;
            if (!SelectionTest.Passes(range, mask, options, log)) continue;
            var source = hit;
            if (agreement is not null && options.ConsensusBoundaries)
            {
                range = mask.Unused(range);
                source = agreement.Representative(hit, order);
            }
            var domain = new WorkingDomain(length, range, source.Type, source.TargetId,
                source.Family ?? source.TGroup ?? source.Pdb, source.TGroup, source.HGroup, source.Confidence, selected.Count);
            var votes = agreement?.Votes(hit) ?? 0;
            if (!range.Equals(hit.QueryRange))
                domain.Actions.Add($"consensus of {agreement!.Support(hit) - votes} agreeing hit(s) (own range {hit.QueryRange})");
            if (votes > 0) domain.Actions.Add($"supported by {votes} vote-only weak hit(s) of H-group {hit.HGroup}");
            selected.Add(domain);
            Sources[domain] = hit;
            mask.Mark(range);
            log.Note($"accepted {hit.Type} {hit.TargetId} [{range}]{(ReferenceEquals(source, hit) ? "" : $" as {source.TargetId}")}"
                + (votes > 0 ? $" (support {agreement!.Support(hit)}, {votes} of them vote-only)" : ""));
        }
    }

    private bool Refused(Evidence hit, EvidenceAgreement agreement)
    {
        var support = agreement.Support(hit);
        if (hit.BelowThreshold && support < options.AgreementMinHits)
        {
            log.Count(RejectionReasons.WeakWithoutAgreement);
            return true;
        }
        if (support == 1 && hit.Confidence < options.LoneHitMinConfidence)
        {
            log.Reject(RejectionReasons.LoneWeakHit, $"{hit.Type} {hit.TargetId} [{hit.QueryRange}] (confidence {hit.Confidence}, no agreeing hit)");
            return true;
        }
        if (options.OutvoteCompetingHits && agreement.IsOutvoted(hit))
        {
            log.Reject(RejectionReasons.Outvoted, $"{hit.Type} {hit.TargetId} [{hit.QueryRange}] (another T-group has more agreeing hits here)");
            return true;
        }
        return false;
    }
}
