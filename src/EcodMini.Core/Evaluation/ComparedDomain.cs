using EcodMini.Core.Model;

namespace EcodMini.Core.Evaluation;

/// <summary>A domain as the comparison sees it: where it is and how it is classified.</summary>
public sealed record ComparedDomain(ResidueRange Range, string? TGroup, string? EcodDomainId = null)
{
    public static ComparedDomain From(PartitionDomain domain) => new(domain.Range, domain.TGroup, domain.EcodDomainId);
}
