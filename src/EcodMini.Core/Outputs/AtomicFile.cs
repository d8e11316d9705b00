namespace EcodMini.Core.Outputs;

/// <summary>Writes a file atomically: a temporary file in the same folder, then a rename over the target.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> atomically. With <paramref name="durable"/> the
    /// temporary file is flushed to disk (fsync) before the rename, so after a node crash the target holds either the
    /// old or the complete new content, never an empty file (what workers on a shared file system need; it costs an
    /// fsync per file, which the local executor skips).
    /// </summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, bool durable = false)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                RandomAccess.Write(handle, content, 0);
                if (durable) RandomAccess.FlushToDisk(handle);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
