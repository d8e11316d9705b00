using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Database;

/// <summary>
/// Finds, in a chain's domain summary, the hits that support each partitioned domain: hits on the domain's reference
/// (its ECOD domain, or for a decomposed chain-BLAST domain the reference chain) whose query range overlaps the
/// domain; best e-value first, at most <see cref="MaxPerDomain"/>. A summary that is missing or unreadable gives none
/// (the domain keeps the evidence its partition records).
/// </summary>
public static class SupportingEvidence
{
    public const int MaxPerDomain = 10;

    /// <summary>Evidence rows are scored with the default options (<see cref="EvidenceScorer"/>); so is the probability scale.</summary>
    private static readonly PartitionOptions DefaultOptions = new();

    /// <summary>One list per domain, in domain order.</summary>
    public static IReadOnlyList<IReadOnlyList<SupportingHit>> Match(PartitionResult result, string? summaryPath)
    {
        if (result.Domains.Count == 0) return [];
        ChainEvidence? evidence = null;
        if (summaryPath is not null && File.Exists(summaryPath))
        {
            try { evidence = SummaryReader.Read(summaryPath); }
            catch (Exception ex) when (ex is InputFileException or IOException or UnauthorizedAccessException) { }
        }
        // Only hits on a domain's reference (or chain-BLAST hits, matched by chain) can support a domain: parse just those.
        var targets = result.Domains.Select(d => d.EcodDomainId).Where(t => !string.IsNullOrEmpty(t)).ToHashSet(StringComparer.Ordinal);
        var percent = evidence is not null && ProbabilityScale.IsPercent(DefaultOptions, evidence.Hits);
        var hits = evidence is null ? [] : evidence.Hits
            .Where(h => h.Type == EvidenceType.ChainBlast || (h.TargetId is { } target && targets.Contains(target)))
            .Select(h => Parse(h, percent)).OfType<SupportingHit>().ToList();
        return [.. result.Domains.Select(d => (IReadOnlyList<SupportingHit>)[.. hits.Where(h => Supports(d, h))
            .OrderBy(h => h.Evalue ?? double.MaxValue).ThenByDescending(h => h.Probability ?? 0).Take(MaxPerDomain)])];
    }

    private static bool Supports(PartitionDomain domain, SupportingHit hit)
    {
        if (string.IsNullOrEmpty(domain.EcodDomainId)) return false;
        var sameTarget = string.Equals(hit.TargetId, domain.EcodDomainId, StringComparison.Ordinal)
            || (hit.Type == EvidenceType.ChainBlast && ReferenceIdParser.TryParse(domain.EcodDomainId, out var pdb, out var chain)
                && string.Equals(hit.Pdb, pdb, StringComparison.OrdinalIgnoreCase) && string.Equals(hit.Chain, chain, StringComparison.Ordinal));
        if (!sameTarget || !ResidueRange.TryParse(hit.QueryRange, out var query)) return false;
        var range = domain.OriginalRange ?? domain.Range;
        return query.Segments.Any(q => range.Segments.Any(r => q.Start <= r.End && r.Start <= q.End));
    }

    private static SupportingHit? Parse(SummaryHit hit, bool percentScale)
    {
        if (!ResidueRange.TryParse(RangeText.StripChainPrefixes(hit.QueryRange), out var query)) return null;
        string? hitRange = ResidueRange.TryParse(RangeText.StripChainPrefixes(hit.HitRange), out var h) ? h.ToString() : null;
        NumberText.TryParseEvalue(hit.Evalue, out var evalue);
        NumberText.TryParseProbability(hit.Probability, out var probability);
        string? pdb = hit.Pdb, chain = hit.Chain;
        if (ReferenceIdParser.TryParse(hit.TargetId, out var p, out var c)) { pdb ??= p; chain ??= c; }
        double? score = double.TryParse(hit.Score, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) ? s : null;
        int? hsps = int.TryParse(hit.HspCount, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        return new SupportingHit(hit.Type, hit.TargetId, pdb, chain, query.ToString(), hitRange, evalue, probability, hit.TGroup, hit.HGroup)
        {
            Score = score, HspCount = hsps, PercentScale = percentScale,
        };
    }
}
