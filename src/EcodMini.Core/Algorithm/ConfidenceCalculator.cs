using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>Evidence confidence (ALGORITHM.md section 3), 0.05..0.95, rounded to 4 decimals.</summary>
internal static class ConfidenceCalculator
{
    /// <param name="percentScale">The chain's HHsearch probabilities are on the 0-100 scale (<see cref="ProbabilityScale"/>).</param>
    public static double Compute(PartitionOptions o, string type, double? evalue, double? probability,
        double? referenceCoverage, double? alignmentCoverage = null, bool percentScale = false)
    {
        var value = Base(o, type, evalue, probability, percentScale) * TypeFactor(o, type);
        if (referenceCoverage is { } rc)
        {
            if (rc > o.CoverageBonusThreshold) value += Math.Min(o.CoverageBonusMax, (rc - o.CoverageBonusThreshold) * o.CoverageBonusSlope);
            else if (rc < o.CoveragePenaltyThreshold) value -= Math.Min(o.CoveragePenaltyMax, (o.CoveragePenaltyThreshold - rc) * o.CoveragePenaltySlope);
        }
        if ((alignmentCoverage ?? referenceCoverage) is { } ac && ac > o.AlignmentBonusThreshold)
            value += Math.Min(o.AlignmentBonusMax, (ac - o.AlignmentBonusThreshold) * o.AlignmentBonusSlope);
        return Round(Math.Clamp(value, o.MinConfidence, o.MaxConfidence));
    }

    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    /// <summary>HHsearch: the probability (0-100 scaled to 0-1); otherwise the e-value bin; neither: NoScoreConfidence.</summary>
    public static double Base(PartitionOptions o, string type, double? evalue, double? probability, bool percentScale = false)
    {
        if (type == EvidenceType.HhSearch && probability is { } p)
            return Math.Clamp(ProbabilityScale.ToFraction(p, percentScale), o.ProbabilityMinBase, o.ProbabilityMaxBase);
        if (evalue is { } e) return EvalueBase(o, e);
        return o.NoScoreConfidence;
    }

    /// <summary>E-value bin; 0 is below every limit, so the strongest.</summary>
    public static double EvalueBase(PartitionOptions o, double evalue)
    {
        var limits = o.EvalueBinLimits;
        for (var i = 0; i < limits.Length; i++)
            if (evalue < limits[i]) return o.EvalueBinConfidences[i];
        return o.EvalueFallbackConfidence;
    }

    public static double TypeFactor(PartitionOptions o, string type) => type switch
    {
        EvidenceType.DomainBlast => o.DomainBlastFactor,
        EvidenceType.HhSearch => o.HhSearchFactor,
        EvidenceType.ChainBlast => o.ChainBlastFactor,
        EvidenceType.ChainBlastDecomposed => o.ChainBlastDecomposedFactor,
        _ => o.OtherTypeFactor,
    };
}
