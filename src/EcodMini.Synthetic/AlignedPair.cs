namespace EcodMini.Synthetic;

/// <summary>A query residue aligned to a reference residue (both 1-based).</summary>
internal readonly record struct AlignedPair(int Query, int Reference);
