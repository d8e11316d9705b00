using System.Runtime.InteropServices;

namespace EcodMini.Core.Provenance;

/// <summary>
/// What identifies one version of a file without reading it: size, last-write time (100 ns ticks, UTC) and inode (0
/// where the platform gives none). Two equal stamps mean the recorded content hash still holds; any difference means
/// the file is hashed again.
/// </summary>
public sealed record FileStamp(long Size, long ModifiedTicks, long Inode)
{
    /// <summary>The file's stamp, or null when it does not exist.</summary>
    public static FileStamp? Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        return new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks, UnixInode.Of(path));
    }
}

/// <summary>The inode number through libc <c>stat</c> (st_ino sits at byte 8 of struct stat on Linux x64/arm64 and macOS).</summary>
internal static class UnixInode
{
    private const int StatBufferBytes = 512;
    private const int InodeOffset = 8;

    public static long Of(string path)
    {
        if (OperatingSystem.IsWindows()) return 0;
        var buffer = new byte[StatBufferBytes];
        try
        {
            return Stat(path, buffer) == 0 ? BitConverter.ToInt64(buffer, InodeOffset) : 0;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return 0;
        }
    }

    [DllImport("libc", EntryPoint = "stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat(string path, [Out] byte[] buffer);
}
