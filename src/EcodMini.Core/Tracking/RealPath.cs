using System.Runtime.InteropServices;

namespace EcodMini.Core.Tracking;

/// <summary>
/// A path with every symbolic link and <c>..</c> resolved by the operating system (realpath), so the file system that
/// really holds a file is known even when it is reached through a symlink or a bind mount. A tail that does not
/// exist yet (a tracker about to be created) is appended to its nearest existing folder's real path.
/// </summary>
public static class RealPath
{
    public static string Resolve(string path)
    {
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return Path.GetFullPath(absolute);
        var tail = new Stack<string>();
        var current = absolute;
        while (true)
        {
            if (Native(current) is { } real)
            {
                foreach (var part in tail) real = Path.Combine(real, part);
                return Path.GetFullPath(real);
            }
            var parent = Path.GetDirectoryName(current);
            var name = Path.GetFileName(current);
            if (string.IsNullOrEmpty(parent) || parent == current) return Path.GetFullPath(absolute);
            if (name is not ("" or ".")) tail.Push(name);
            current = parent;
        }
    }

    private static string? Native(string path)
    {
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { free(resolved); }
    }

    [DllImport("libc", EntryPoint = "realpath", CharSet = CharSet.Ansi)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void free(IntPtr pointer);
}
