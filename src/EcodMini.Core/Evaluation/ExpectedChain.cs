namespace EcodMini.Core.Evaluation;

/// <summary>The expected partition of one chain; <see cref="Category"/> comes from a synthetic truth file.</summary>
public sealed record ExpectedChain(string ProteinId, IReadOnlyList<ComparedDomain> Domains, string? Category = null);
