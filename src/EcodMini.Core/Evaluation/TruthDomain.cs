using EcodMini.Core.Model;

namespace EcodMini.Core.Evaluation;

/// <summary>One true domain of a synthetic chain: its query range and the reference domain it was copied from.</summary>
public sealed record TruthDomain(ResidueRange Range, string EcodDomainId, string TGroup);
