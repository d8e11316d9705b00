using System.Text;

namespace EcodMini.Core.Tracking;

/// <summary>
/// The mount points of this machine, parsed from <c>/proc/self/mountinfo</c> or <c>/proc/mounts</c> text,
/// to tell which file system type holds a path.
/// </summary>
public sealed class MountTable
{
    private readonly IReadOnlyList<MountEntry> _mounts;

    private MountTable(IReadOnlyList<MountEntry> mounts) => _mounts = mounts;

    public int Count => _mounts.Count;

    /// <summary>Parses mountinfo lines (<c>id parent maj:min root mountpoint opts ... - fstype source opts</c>) or mounts lines (<c>source mountpoint fstype opts 0 0</c>).</summary>
    public static MountTable Parse(string text)
    {
        var mounts = new List<MountEntry>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var separator = Array.IndexOf(fields, "-");
            if (separator >= 5 && separator + 1 < fields.Length)
            {
                var super = separator + 3 < fields.Length ? fields[separator + 3] : "";
                var source = separator + 2 < fields.Length ? Unescape(fields[separator + 2]) : "";
                mounts.Add(new MountEntry(Unescape(fields[4]), fields[separator + 1], source, Unescape(fields[3]), JoinOptions(fields[5], super)));
            }
            else if (separator < 0 && fields.Length >= 3)
                mounts.Add(new MountEntry(Unescape(fields[1]), fields[2], Unescape(fields[0]), "/", fields.Length > 3 ? fields[3] : ""));
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
    public (string MountPoint, string FsType)? Find(string absolutePath) =>
        FindEntry(absolutePath) is { } entry ? (entry.MountPoint, entry.FsType) : null;

    /// <summary>
    /// The mount holding an absolute path: the longest matching mount point, and of several mounts on one point the
    /// last (the one on top, as the kernel lists them). Null when none matches.
    /// </summary>
    public MountEntry? FindEntry(string absolutePath)
    {
        MountEntry? best = null;
        foreach (var entry in _mounts)
        {
            if (!Contains(entry.MountPoint, absolutePath) || entry.MountPoint.Length < (best?.MountPoint.Length ?? -1)) continue;
            best = entry;
        }
        return best;
    }

    private static string JoinOptions(string perMount, string super) =>
        string.Join(',', perMount.Split(',').Concat(super.Split(',')).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal));

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
