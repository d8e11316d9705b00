namespace EcodMini.Core.RunComparison;

/// <summary>How a chain differs between two sides, most significant first (a chain's Kind is its first one).</summary>
public enum ChainChangeKind
{
    /// <summary>Only the second side has the chain.</summary>
    Added,
    /// <summary>Only the first side has the chain.</summary>
    Removed,
    DomainCountChanged,
    /// <summary>Same domain count; a domain's first or last residue moved (LargestShift residues at most).</summary>
    BoundaryShift,
    /// <summary>Same domain count; a domain's T-group or H-group differs.</summary>
    ClassificationChanged,
    /// <summary>The quality grade (good / questionable / poor / failed) differs.</summary>
    QualityChanged,
}
