using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>One domain of a synthetic reference chain (range in the chain's numbering).</summary>
internal sealed record ReferenceDomain(string DomainId, string Pdb, string Chain, ResidueRange Range, string TGroup, string HGroup)
{
    public int Length => Range.TotalLength;
}
