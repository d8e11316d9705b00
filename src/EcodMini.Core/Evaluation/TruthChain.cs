namespace EcodMini.Core.Evaluation;

/// <summary>The known answer for one synthetic chain (domains ordered by start).</summary>
public sealed record TruthChain(
    string ProteinId,
    string Batch,
    int Length,
    string Category,
    bool Representative,
    IReadOnlyList<TruthDomain> Domains);
