namespace EcodMini.Core.Algorithm;

/// <summary>Pieces of a successful decomposition, or the rejection reason and detail.</summary>
internal sealed record DecompositionResult(IReadOnlyList<DecomposedPiece> Pieces, string? FailureReason, string? Detail)
{
    public bool Success => FailureReason is null;
}
