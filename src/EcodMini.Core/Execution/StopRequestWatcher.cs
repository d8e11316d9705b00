namespace EcodMini.Core.Execution;

/// <summary>
/// A worker's view of its folder's stop file: re-read only when its size or time changed, so asking before every
/// chain costs one stat. One per worker; not thread-safe.
/// </summary>
public sealed class StopRequestWatcher(string path)
{
    private (long Length, DateTime Written) _seen = (-1, default);
    private IReadOnlySet<long> _ids = new HashSet<long>();

    /// <summary>True when a stop was requested for this attempt.</summary>
    public bool IsStopped(long? attemptId)
    {
        if (attemptId is null) return false;
        var info = new FileInfo(path);
        var now = info.Exists ? (info.Length, info.LastWriteTimeUtc) : (0L, default(DateTime));
        if (now != _seen)
        {
            _ids = StopRequestFile.Read(path);
            _seen = now;
        }
        return _ids.Contains(attemptId.Value);
    }
}
