using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>
/// One evidence hit of a synthetic summary. <see cref="Type"/> is an <see cref="EvidenceType"/> name;
/// <see cref="DomainId"/> is the target ECOD domain (for chain BLAST: the first domain of the hit chain).
/// A BLAST hit may carry a weaker second HSP: legacy summaries then list both e-values (first = the hit's).
/// </summary>
internal sealed record SyntheticHit(
    string Type,
    string DomainId,
    string Pdb,
    string Chain,
    double EValue,
    double? Probability,
    ResidueRange QueryRange,
    ResidueRange HitRange,
    string? TGroup,
    string? HGroup,
    ChainAlignment? Alignment = null,
    double? SecondHspEValue = null)
{
    /// <summary>HSPs BLAST reported (legacy <c>hsp_count</c>, comma-separated <c>evalues</c>).</summary>
    public int HspCount => SecondHspEValue is null ? 1 : 2;
}
