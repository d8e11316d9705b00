using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Database;

/// <summary>
/// What an evidence row says about a summary hit beyond its own values: the engine's confidence for that hit
/// (ALGORITHM.md section 3, with the reference-coverage terms when the reference library knows the target's length) and
/// the target's classification groups from the reference library when the summary does not carry them (HHsearch
/// summaries usually do not). Immutable; one instance serves every chain of an import.
/// </summary>
public sealed class EvidenceScorer(ReferenceData? reference, PartitionOptions? options = null)
{
    private readonly PartitionOptions _options = options ?? new PartitionOptions();

    public static EvidenceScorer WithoutReference { get; } = new(null);

    public double Confidence(SupportingHit hit) =>
        ConfidenceCalculator.Compute(_options, hit.Type, hit.Evalue, hit.Probability, ReferenceCoverage(hit), percentScale: hit.PercentScale);

    /// <summary>T- and H-group: the hit's own, else the reference domain's (domain hits only; a chain hit spans several domains).</summary>
    public (string? TGroup, string? HGroup) Groups(SupportingHit hit)
    {
        string? t = NullIfEmpty(hit.TGroup), h = NullIfEmpty(hit.HGroup);
        if ((t is null || h is null) && hit.Type != EvidenceType.ChainBlast && hit.TargetId is { } target && reference?.DomainById(target) is { } domain)
        {
            t ??= domain.TGroup;
            h ??= domain.HGroup;
        }
        return (t, h);
    }

    /// <summary>Aligned target residues over the target's length (chain length for chain BLAST), when both are known.</summary>
    private double? ReferenceCoverage(SupportingHit hit)
    {
        if (reference is null || hit.HitRange is null || !ResidueRange.TryParse(hit.HitRange, out var aligned)) return null;
        int? length = hit.Type == EvidenceType.ChainBlast
            ? hit.Pdb is { } pdb && hit.Chain is { } chain ? reference.ProteinLength(pdb, chain) : null
            : hit.TargetId is { } target ? reference.DomainLength(target) ?? reference.DomainById(target)?.Length : null;
        return length is > 0 ? Math.Min(1.0, aligned.TotalLength / (double)length.Value) : null;
    }

    /// <summary>The X-group: the first component of a dotted ECOD H- or T-group id (e.g. 7 for 7.1.1).</summary>
    public static string? XGroup(string? hGroup, string? tGroup)
    {
        var id = NullIfEmpty(hGroup) ?? NullIfEmpty(tGroup);
        if (id is null) return null;
        var dot = id.IndexOf('.');
        return dot > 0 && id[..dot].All(char.IsAsciiDigit) ? id[..dot] : null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
