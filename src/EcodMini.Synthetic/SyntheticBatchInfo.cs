namespace EcodMini.Synthetic;

/// <summary>What a generator run wrote.</summary>
public sealed record SyntheticBatchInfo(
    string Root,
    string ReferenceDirectory,
    IReadOnlyList<string> BatchDirectories,
    int ProteinCount,
    int RepresentativeCount,
    string TruthPath,
    string RepresentativeListPath,
    TimeSpan Elapsed);
