using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>One reference domain of a reference chain (a domain_definitions.csv row).</summary>
public sealed record ReferenceDomain(string DomainId, string Pdb, string Chain, ResidueRange Range, int Length, string? TGroup, string? HGroup);
