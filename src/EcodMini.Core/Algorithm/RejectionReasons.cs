namespace EcodMini.Core.Algorithm;

/// <summary>Stable snake_case keys of <see cref="Model.PartitionResult.RejectionCounts"/>.</summary>
public static class RejectionReasons
{
    /// <summary>A hit's query or target range is malformed, reversed, or runs past the sequence end.</summary>
    public const string InvalidRange = "invalid_range";
    /// <summary>A hit's e-value or probability is not a number.</summary>
    public const string InvalidEvalue = "invalid_evalue";
    /// <summary>A hit has no target id or an unknown type.</summary>
    public const string InvalidHit = "invalid_hit";
    /// <summary>No reference length could be found while lengths are required.</summary>
    public const string NoReferenceLength = "no_reference_length";
    /// <summary>A coverage threshold applies but the hit range or reference length is missing.</summary>
    public const string IncompleteReferenceData = "incomplete_reference_data";
    public const string LowConfidence = "low_confidence";
    public const string LowReferenceCoverage = "low_reference_coverage";
    /// <summary>Chain BLAST hit whose reference chain is blacklisted.</summary>
    public const string Blacklisted = "blacklisted";
    /// <summary>Chain BLAST hit whose reference chain has no domain definitions.</summary>
    public const string NoDomainDefinitions = "no_domain_definitions";
    /// <summary>Fewer query positions than MinDomainSize.</summary>
    public const string TooSmall = "too_small";
    /// <summary>New/old coverage test failed (overlaps already assigned residues).</summary>
    public const string Overlap = "overlap";
    /// <summary>Phase stopped: fewer than MinDomainSize positions left unused.</summary>
    public const string NoSpaceLeft = "no_space_left";
    /// <summary>Chain BLAST hit without an alignment.</summary>
    public const string NoAlignment = "no_alignment";
    /// <summary>Aligned query and hit strings differ in length.</summary>
    public const string AlignmentLengthMismatch = "alignment_length_mismatch";
    /// <summary>Alignment start positions out of bounds.</summary>
    public const string InvalidAlignment = "invalid_alignment";
    /// <summary>Decomposition produced too few pieces.</summary>
    public const string DecompositionFailed = "decomposition_failed";
    /// <summary>A decomposed piece below the piece coverage/confidence minimum ("candidate for new representative").</summary>
    public const string WeakDecomposedPiece = "weak_decomposed_piece";
    /// <summary>A hit no independent hit agrees with, below LoneHitMinConfidence.</summary>
    public const string LoneWeakHit = "lone_weak_hit";
    /// <summary>A hit below its quality threshold without enough agreeing independent hits.</summary>
    public const string WeakWithoutAgreement = "weak_without_agreement";
    /// <summary>A hit of another T-group over the same region has more agreeing independent hits.</summary>
    public const string Outvoted = "outvoted";
}
