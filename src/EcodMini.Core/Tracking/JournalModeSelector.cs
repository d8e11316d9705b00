namespace EcodMini.Core.Tracking;

/// <summary>
/// Picks WAL on a local disk and the rollback journal (DELETE) on a network file system, where WAL's
/// shared-memory index is unsafe across hosts.
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

    public static JournalModeChoice Choose(string databasePath, MountTable mounts)
    {
        var full = Path.GetFullPath(databasePath);
        var mount = mounts.Find(full);
        if (mount is null)
            return new JournalModeChoice(JournalModeChoice.Wal, $"WAL: no mount entry found for '{full}', assuming a local disk", null, null);
        var (point, type) = mount.Value;
        return IsNetworkFileSystem(type)
            ? new JournalModeChoice(JournalModeChoice.Delete,
                $"rollback journal (DELETE): '{full}' is on a network file system ({type} at {point}), where WAL is unsafe", type, point)
            : new JournalModeChoice(JournalModeChoice.Wal, $"WAL: '{full}' is on a local file system ({type} at {point})", type, point);
    }
}
