namespace EcodMini.Core.Evaluation;

/// <summary>
/// A prediction for one chain. When <see cref="Parseable"/> is false the domains are empty and
/// <see cref="Error"/> says why (unreadable file, failed run).
/// </summary>
public sealed record PredictedChain(
    string ProteinId,
    bool Parseable,
    IReadOnlyList<ComparedDomain> Domains,
    int SequenceLength,
    double Coverage,
    string? SourcePath = null,
    string? Error = null);
