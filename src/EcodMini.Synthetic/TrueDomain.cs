using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>
/// A domain placed in a synthetic query: where it sits, which reference domain it copies, the aligned residue pairs
/// (query position, reference chain position) of the copy, and for a host split by an insert the number of reference
/// domain positions before the insert (0 when not split).
/// </summary>
internal sealed record TrueDomain(ResidueRange Range, ReferenceDomain Source, IReadOnlyList<AlignedPair> Pairs, int HeadLength = 0);
