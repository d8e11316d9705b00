using EcodMini.Core.Model;

namespace EcodMini.Core.Synthetic;

/// <summary>
/// One evidence hit of a synthetic summary. <see cref="Type"/> is an <see cref="EvidenceType"/> name;
/// <see cref="DomainId"/> is the target ECOD domain (for chain BLAST: the first domain of the hit chain).
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
    ChainAlignment? Alignment = null);
