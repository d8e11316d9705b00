namespace EcodMini.Core.Evaluation;

/// <summary>Totals of a list of chain comparisons.</summary>
internal static class ComparisonSummaryBuilder
{
    public static ComparisonSummary Summarize(IReadOnlyCollection<ChainComparison> chains, int tolerance)
    {
        var referenceDomains = chains.Sum(c => c.ReferenceDomains);
        var found = chains.Sum(c => c.DomainsFound);
        var tGroupCorrect = chains.Sum(c => c.TGroupCorrect);
        var withDomains = chains.Where(c => c.ReferenceDomains > 0).ToArray();
        // Nothing to find (only domain-less reference chains): score the chains' own vacuous ratios,
        // 1 for an empty prediction, 0 for a spurious, missing or unreadable one.
        var boundary = referenceDomains > 0 ? (double)found / referenceDomains : Mean(chains, c => c.BoundaryAccuracy);
        return new ComparisonSummary
        {
            Chains = chains.Count,
            WithOutput = chains.Count(c => c.Status != ComparisonStatus.Missing),
            Parseable = chains.Count(c => c.Status == ComparisonStatus.Ok),
            Missing = chains.Count(c => c.Status == ComparisonStatus.Missing),
            Unparseable = chains.Count(c => c.Status == ComparisonStatus.Unparseable),
            DomainCountAccuracy = Ratio(chains.Count(c => c.CountMatch), chains.Count),
            ReferenceDomains = referenceDomains,
            DomainsFound = found,
            BoundaryAccuracy = boundary,
            TGroupCorrect = tGroupCorrect,
            TGroupAccuracy = found > 0 ? (double)tGroupCorrect / found : referenceDomains == 0 ? boundary : 0,
            MeanCoverage = withDomains.Length > 0 ? Mean(withDomains, c => c.ReferenceResiduesCovered) : Mean(chains, c => c.ReferenceResiduesCovered),
            OverSplit = chains.Count(c => c.OverSplit),
            UnderSplit = chains.Count(c => c.UnderSplit),
            Tolerance = tolerance,
        };
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static double Mean(IReadOnlyCollection<ChainComparison> chains, Func<ChainComparison, double> value) =>
        chains.Count == 0 ? 0 : chains.Average(value);
}
