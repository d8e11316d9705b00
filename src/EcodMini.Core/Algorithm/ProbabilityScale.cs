using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// On which scale a chain's HHsearch probabilities are written. HHsearch prints 0-100, and the summaries list hits down to
/// well under 1%; read one hit at a time (ALGORITHM.md section 3: divided by 100 when above 1), a listed 0.8% hit would be
/// taken for 80%. All of a chain's HHsearch hits come from one search, so one of them above 1 puts every one of them on the
/// 0-100 scale (<see cref="PartitionOptions.ProbabilityScaleByChain"/>).
/// </summary>
public static class ProbabilityScale
{
    /// <summary>True when the chain's HHsearch probabilities are on the 0-100 scale by that rule (false: each hit on its own).</summary>
    public static bool IsPercent(PartitionOptions options, IEnumerable<SummaryHit> hits) =>
        options.ReadsProbabilitiesByChain
        && hits.Any(h => h.Type == EvidenceType.HhSearch && NumberText.TryParseProbability(h.Probability, out var p) && p > 1);

    /// <summary>The probability as a fraction: divided by 100 when above 1 or when the chain is on the 0-100 scale.</summary>
    public static double ToFraction(double probability, bool percent) => percent || probability > 1 ? probability / 100 : probability;
}
