namespace EcodMini.Core.Monitoring.Resources;

/// <summary>
/// Measures free space where outputs are written. A path that does not exist yet is measured at its nearest existing
/// parent folder (the file system it will be created on). Never throws: a path that cannot be measured is skipped.
/// </summary>
public static class DiskSpaceProbe
{
    /// <summary>One measurement per distinct file system among <paramref name="paths"/> (first path named wins).</summary>
    public static IReadOnlyList<DiskSpace> Measure(IEnumerable<string> paths)
    {
        var seen = new HashSet<(long, long)>();
        var result = new List<DiskSpace>();
        foreach (var path in paths.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal))
        {
            if (MeasureOne(path) is not { } space) continue;
            // Two folders on one file system report the same totals; a moving free count may differ by a few
            // bytes between calls, so the total and the free megabyte identify the file system well enough.
            if (seen.Add((space.TotalBytes, space.FreeBytes >> 20))) result.Add(space);
        }
        return result;
    }

    public static DiskSpace? MeasureOne(string path)
    {
        try
        {
            var existing = NearestExisting(Path.GetFullPath(path));
            if (existing is null) return null;
            var drive = new DriveInfo(existing);
            return new DiskSpace(path, drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static string? NearestExisting(string path)
    {
        var current = path;
        while (!string.IsNullOrEmpty(current) && !Directory.Exists(current))
            current = Path.GetDirectoryName(current);
        return string.IsNullOrEmpty(current) ? null : current;
    }
}
