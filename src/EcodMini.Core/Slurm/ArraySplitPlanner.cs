namespace EcodMini.Core.Slurm;

/// <summary>
/// Splits N chunks into job arrays no larger than the cluster's MaxArraySize (which bounds the index: an array's
/// largest index is MaxArraySize-1, so each holds at most MaxArraySize tasks). Sizes are balanced so the last
/// array is not a small remainder. Pure and thread-safe.
/// </summary>
public static class ArraySplitPlanner
{
    public static IReadOnlyList<JobArraySlice> Plan(int chunkCount, int maxArraySize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxArraySize, 1);
        if (chunkCount == 0) return [];
        var arrays = (chunkCount + maxArraySize - 1) / maxArraySize;
        var baseSize = chunkCount / arrays;
        var larger = chunkCount % arrays;
        var segments = new List<JobArraySlice>(arrays);
        var offset = 0;
        for (var i = 0; i < arrays; i++)
        {
            var count = baseSize + (i < larger ? 1 : 0);
            segments.Add(new JobArraySlice(i, offset, count));
            offset += count;
        }
        return segments;
    }
}
