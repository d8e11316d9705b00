namespace EcodMini.Core.Configuration;

/// <summary>
/// One path of the configuration as the file wrote it, where it resolves (relative inputs against the file's
/// folder, or the current folder without a file; run state against the file's folder or the per-user state folder),
/// and whether it exists now (for the tracking database: the file; otherwise: the folder).
/// </summary>
public sealed record ConfiguredPath(string Key, string Written, string Resolved, bool Exists)
{
    /// <summary>The paths.* keys of <paramref name="loaded"/>, in the file's order.</summary>
    public static IReadOnlyList<ConfiguredPath> Of(LoadedConfiguration loaded)
    {
        var p = loaded.Configuration.Paths;
        return
        [
            Folder("paths.batch_base_dir", p.BatchBaseDir, loaded.ResolvePath(p.BatchBaseDir)),
            File("paths.tracking_db", p.TrackingDb, loaded.ResolveStatePath(p.TrackingDb)),
            Folder("paths.log_dir", p.LogDir, loaded.ResolveStatePath(p.LogDir)),
            Folder("paths.work_dir", p.WorkDir, loaded.ResolveStatePath(p.WorkDir)),
            Folder("paths.reference_dir", p.ReferenceDir, loaded.ResolvePath(p.ReferenceDir)),
        ];
    }

    private static ConfiguredPath Folder(string key, string written, string resolved) => new(key, written, resolved, Directory.Exists(resolved));

    private static ConfiguredPath File(string key, string written, string resolved) => new(key, written, resolved, System.IO.File.Exists(resolved));
}
