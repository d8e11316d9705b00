using System.Text;

namespace EcodMini.Core.Tracking;

/// <summary>
/// The mount points of this machine, parsed from <c>/proc/self/mountinfo</c> or <c>/proc/mounts</c> text,
/// to tell which file system type holds a path.
/// </summary>
public sealed class MountTable
{
    private readonly IReadOnlyList<(string MountPoint, string FsType)> _mounts;

    private MountTable(IReadOnlyList<(string, string)> mounts) => _mounts = mounts;

    public int Count => _mounts.Count;

    /// <summary>Parses mountinfo lines (<c>id parent maj:min root mountpoint opts ... - fstype source opts</c>) or mounts lines (<c>source mountpoint fstype opts 0 0</c>).</summary>
    public static MountTable Parse(string text)
    {
        var mounts = new List<(string, string)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var separator = Array.IndexOf(fields, "-");
            if (separator >= 5 && separator + 1 < fields.Length)
                mounts.Add((Unescape(fields[4]), fields[separator + 1]));
            else if (separator < 0 && fields.Length >= 3)
                mounts.Add((Unescape(fields[1]), fields[2]));
        }
        return new MountTable(mounts);
    }

    /// <summary>Reads the running system's table; empty when neither proc file can be read.</summary>
    public static MountTable ReadSystem()
    {
        foreach (var path in new[] { "/proc/self/mountinfo", "/proc/mounts" })
        {
            try
            {
                if (File.Exists(path)) return Parse(File.ReadAllText(path));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return new MountTable([]);
    }

    /// <summary>The mount (longest matching mount point) holding an absolute path, or null when none matches.</summary>
    public (string MountPoint, string FsType)? Find(string absolutePath)
    {
        (string, string)? best = null;
        var bestLength = -1;
        foreach (var (point, type) in _mounts)
        {
            if (!Contains(point, absolutePath) || point.Length < bestLength) continue;
            best = (point, type);
            bestLength = point.Length;
        }
        return best;
    }

    private static bool Contains(string mountPoint, string path)
    {
        if (mountPoint == "/") return path.StartsWith('/');
        return path == mountPoint || path.StartsWith(mountPoint + "/", StringComparison.Ordinal);
    }

    /// <summary>Decodes the kernel's octal escapes (<c>\040</c> = space) in mount points.</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var sb = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                sb.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else sb.Append(field[i]);
        }
        return sb.ToString();
    }

    private static bool IsOctal(string s, int start) =>
        start + 3 <= s.Length && s[start] is >= '0' and <= '7' && s[start + 1] is >= '0' and <= '7' && s[start + 2] is >= '0' and <= '7';
}
