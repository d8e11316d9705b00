using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// Quality flags listing the hits rejected because the hit itself is malformed (bad range, bad score, no target or an
/// unknown type), so a chain whose every hit was rejected still says why it has zero domains. Routine rejections
/// (thresholds, overlaps, missing reference data) stay counts and decisions only.
/// </summary>
internal static class RejectedHitFlags
{
    public const string FlagType = "rejected_hit";
    /// <summary>At most this many hits are listed one by one; the rest are summed in one more flag.</summary>
    public const int MaxListed = 10;

    public static IEnumerable<QualityFlag> From(RejectionLog log)
    {
        var listed = 0;
        var more = 0;
        foreach (var (reason, what) in log.Rejected)
        {
            if (reason is not (RejectionReasons.InvalidRange or RejectionReasons.InvalidEvalue or RejectionReasons.InvalidHit)) continue;
            if (listed == MaxListed) { more++; continue; }
            listed++;
            yield return new QualityFlag(FlagType, QualityFlag.Warning, $"{what}: {reason}");
        }
        if (more > 0) yield return new QualityFlag(FlagType, QualityFlag.Warning, $"and {more} more malformed hit(s)");
    }
}
