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
            BoundaryAccuracy = Ratio(found, referenceDomains),
            TGroupCorrect = tGroupCorrect,
            TGroupAccuracy = Ratio(tGroupCorrect, found),
            MeanCoverage = withDomains.Length == 0 ? 0 : withDomains.Average(c => c.ReferenceResiduesCovered),
            OverSplit = chains.Count(c => c.OverSplit),
            UnderSplit = chains.Count(c => c.UnderSplit),
            Tolerance = tolerance,
        };
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
