namespace EcodMini.Core.Evaluation;

/// <summary>
/// Totals over compared chains. Missing and unparseable predictions count as wrong. When there is
/// nothing to find (no reference domains, e.g. the no_evidence category) the ratios are the mean of the
/// chains' own: 1 for an empty prediction, 0 for a spurious, missing or unreadable one. With no chains at all they are 0.
/// </summary>
public sealed record ComparisonSummary
{
    /// <summary>Reference chains compared.</summary>
    /// <summary>The category these totals cover (per-category summaries); null for the whole comparison.</summary>
    public string? Category { get; init; }
    public int Chains { get; init; }
    /// <summary>Chains with a prediction file or result (readable or not).</summary>
    public int WithOutput { get; init; }
    public int Parseable { get; init; }
    public int Missing { get; init; }
    public int Unparseable { get; init; }
    /// <summary>Chains whose predicted domain count equals the reference count / Chains.</summary>
    public double DomainCountAccuracy { get; init; }
    public int ReferenceDomains { get; init; }
    public int DomainsFound { get; init; }
    /// <summary>DomainsFound / ReferenceDomains (over all chains).</summary>
    public double BoundaryAccuracy { get; init; }
    public int TGroupCorrect { get; init; }
    /// <summary>TGroupCorrect / DomainsFound (0 when reference domains exist but none was found).</summary>
    public double TGroupAccuracy { get; init; }
    /// <summary>Mean ReferenceResiduesCovered over chains that have reference domains (missing = 0).</summary>
    public double MeanCoverage { get; init; }
    public int OverSplit { get; init; }
    public int UnderSplit { get; init; }
    /// <summary>Boundary tolerance in residues.</summary>
    public int Tolerance { get; init; }
}
