using EcodMini.Core.Model;

namespace EcodMini.Core.Synthetic;

/// <summary>A domain placed in a synthetic query: where it sits and which reference domain it copies.</summary>
internal sealed record TrueDomain(ResidueRange Range, ReferenceDomain Source);
