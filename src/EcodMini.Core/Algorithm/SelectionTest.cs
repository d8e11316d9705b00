using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>Size and new/old coverage test of section 7 (strict inequalities), shared by every phase.</summary>
internal static class SelectionTest
{
    public static bool Passes(ResidueRange range, ResidueMask mask, PartitionOptions options, RejectionLog log)
    {
        var total = range.TotalLength;
        if (total < options.MinDomainSize)
        {
            log.Count(RejectionReasons.TooSmall);
            return false;
        }
        var used = mask.CountUsed(range);
        var newFraction = (double)(total - used) / total;
        var oldFraction = (double)used / total;
        if (newFraction > options.NewCoverageThreshold && oldFraction < options.OldCoverageThreshold) return true;
        log.Count(RejectionReasons.Overlap);
        return false;
    }
}
