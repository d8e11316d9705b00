namespace EcodMini.Core.Evaluation;

/// <summary>
/// Scores predicted partitions against reference partitions: domain counts, boundaries within a
/// tolerance, T-group assignment, residue coverage. Stateless apart from its tolerance.
/// </summary>
public sealed class PartitionComparer
{
    public PartitionComparer(int boundaryTolerance = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(boundaryTolerance);
        BoundaryTolerance = boundaryTolerance;
    }

    public int BoundaryTolerance { get; }

    public ComparisonReport Compare(PredictedSet predicted, ReferenceSet reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(reference);
        var chains = new List<ChainComparison>(reference.Count);
        foreach (var expected in reference.Chains)
        {
            ct.ThrowIfCancellationRequested();
            chains.Add(predicted.TryGet(expected.ProteinId, out var prediction)
                ? CompareChain(expected, prediction)
                : Absent(expected, ComparisonStatus.Missing, null));
        }
        var byCategory = chains.Where(c => c.Category is not null)
            .GroupBy(c => c.Category!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ComparisonSummaryBuilder.Summarize(g.ToArray(), BoundaryTolerance), StringComparer.Ordinal);
        return new ComparisonReport
        {
            Chains = chains,
            Summary = ComparisonSummaryBuilder.Summarize(chains, BoundaryTolerance),
            SummaryByCategory = byCategory,
            UnmatchedPredictions = predicted.Chains.Select(c => c.ProteinId).Where(id => !reference.TryGet(id, out _)).ToArray(),
        };
    }

    /// <summary>Scores one chain (public for callers that compare chain by chain).</summary>
    public ChainComparison CompareChain(ExpectedChain expected, PredictedChain prediction)
    {
        if (!prediction.Parseable) return Absent(expected, ComparisonStatus.Unparseable, prediction.Error);
        var referenceCount = expected.Domains.Count;
        var predictedCount = prediction.Domains.Count;
        int found = 0, tGroupCorrect = 0;
        foreach (var domain in expected.Domains)
        {
            if (DomainMatcher.FindMatch(domain, prediction.Domains, BoundaryTolerance) is not { } match) continue;
            found++;
            if (domain.TGroup is not null && string.Equals(domain.TGroup, match.TGroup, StringComparison.Ordinal)) tGroupCorrect++;
        }
        var predictedResidues = ResidueSets.Union(prediction.Domains);
        var referenceResidues = ResidueSets.Union(expected.Domains);
        return new ChainComparison
        {
            ProteinId = expected.ProteinId,
            Status = ComparisonStatus.Ok,
            Category = expected.Category,
            ReferenceDomains = referenceCount,
            PredictedDomains = predictedCount,
            CountMatch = referenceCount == predictedCount,
            DomainsFound = found,
            BoundaryAccuracy = referenceCount == 0 ? (predictedCount == 0 ? 1 : 0) : (double)found / referenceCount,
            TGroupCorrect = tGroupCorrect,
            PredictedCoverage = PredictedCoverage(prediction, predictedResidues),
            ReferenceResiduesCovered = referenceCount == 0 ? (predictedCount == 0 ? 1 : 0) : ResidueSets.Fraction(referenceResidues, predictedResidues),
            OverSplit = predictedCount > referenceCount,
            UnderSplit = predictedCount < referenceCount,
        };
    }

    private static double PredictedCoverage(PredictedChain prediction, HashSet<int> predictedResidues)
    {
        if (prediction.SequenceLength <= 0) return prediction.Coverage;
        var inside = predictedResidues.Count(p => p <= prediction.SequenceLength);
        return (double)inside / prediction.SequenceLength;
    }

    private static ChainComparison Absent(ExpectedChain expected, ComparisonStatus status, string? error) => new()
    {
        ProteinId = expected.ProteinId,
        Status = status,
        Category = expected.Category,
        ReferenceDomains = expected.Domains.Count,
        Error = error,
    };
}
