namespace EcodMini.Core.Tracking;

/// <summary>
/// Picks WAL on a local disk and the rollback journal (DELETE) on a network file system, where WAL's shared-memory
/// index is unsafe across hosts, judging from the file's real path (symlinks, <c>..</c>, bind mounts resolved), never
/// the path as written; and finds mounts whose locks are local to one client (SQLite's locking then protects nothing).
/// </summary>
public static class JournalModeSelector
{
    /// <summary>File system types treated as network or cluster file systems.</summary>
    public static IReadOnlySet<string> NetworkFileSystemTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "nfs", "nfs4", "lustre", "gpfs", "cifs", "smb3", "smbfs", "fuse.glusterfs", "glusterfs", "beegfs",
        "ceph", "fuse.ceph", "fuse.cephfs", "fuse.sshfs", "afs", "panfs", "9p", "fuse.s3fs", "wekafs", "ocfs2", "gfs2",
    };

    public static bool IsNetworkFileSystem(string fsType) =>
        NetworkFileSystemTypes.Contains(fsType) || fsType.StartsWith("nfs", StringComparison.OrdinalIgnoreCase);

    /// <param name="databasePath">The tracker's path as given.</param>
    /// <param name="mounts">The mount table (the system's, or one injected by tests).</param>
    /// <param name="resolve">Resolves the real path (default: the operating system's realpath).</param>
    public static JournalModeChoice Choose(string databasePath, MountTable mounts, Func<string, string>? resolve = null)
    {
        var full = Path.GetFullPath(databasePath);
        var real = (resolve ?? RealPath.Resolve)(databasePath);
        var via = real == full ? $"'{full}'" : $"'{full}' (really '{real}')";
        var mount = mounts.FindEntry(real);
        if (mount is null)
            return new JournalModeChoice(JournalModeChoice.Wal, $"WAL: no mount entry found for {via}, assuming a local disk", null, null)
            { Path = full, RealPath = real };
        var network = IsNetworkFileSystem(mount.FsType);
        var reason = network
            ? $"rollback journal (DELETE): {via} is on a network file system ({mount.FsType} at {mount.MountPoint}), where WAL is unsafe"
            : $"WAL: {via} is on a local file system ({mount.FsType} at {mount.MountPoint})";
        return new JournalModeChoice(network ? JournalModeChoice.Delete : JournalModeChoice.Wal, reason, mount.FsType, mount.MountPoint)
        {
            Path = full, RealPath = real, MountOptions = mount.Options, MountSource = mount.Source, LockProblem = LockProblem(real, mount),
        };
    }

    /// <summary>
    /// The problem when the mount's locks are local to this client (nfs <c>nolock</c>, <c>local_lock=all|posix</c>;
    /// lustre <c>localflock</c>; cifs <c>nobrl</c>): then another host's writer does not see this one's lock and two
    /// writers corrupt the file. Null when locks reach the server (or the file system is local).
    /// </summary>
    public static string? LockProblem(string realPath, MountEntry mount)
    {
        var type = mount.FsType.ToLowerInvariant();
        string? option = type.StartsWith("nfs", StringComparison.Ordinal)
            ? new[] { "nolock", "local_lock=all", "local_lock=posix" }.FirstOrDefault(mount.HasOption)
            : type == "lustre" ? (mount.HasOption("localflock") ? "localflock" : null)
            : type is "cifs" or "smb3" or "smbfs" ? (mount.HasOption("nobrl") ? "nobrl" : null)
            : null;
        if (option is null) return null;
        var fix = type == "lustre"
            ? "remount it with -o flock (cluster-coherent locks), or keep the tracking database on a local disk of the head node"
            : type.StartsWith("nfs", StringComparison.Ordinal)
                ? $"remount it without '{option}' (NFS locking through the lock manager: 'lock', 'local_lock=none'), or keep the tracking database on a local disk of the head node"
                : "remount it without 'nobrl', or keep the tracking database on a local disk of the head node";
        return $"'{realPath}' is on {mount.FsType} mount {mount.MountPoint} ({mount.Source}) with options '{mount.Options}': " +
               $"'{option}' keeps file locks local to one client, so a writer on another host would not see this one's lock; {fix}";
    }
}
