using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>One reference domain mapped through a chain BLAST alignment onto the query.</summary>
internal sealed record DecomposedPiece(ReferenceDomain ReferenceDomain, ResidueRange QueryRange, ResidueRange HitRange,
    int MappedPositions, double Coverage, double Confidence, int FilledHoles);
