using System.Text.RegularExpressions;

namespace EcodMini.Core.WorkerModules;

/// <summary>
/// Resolves <c>slurm.worker_module</c> to the <see cref="WorkerModule"/> a run pins, on the head node at submission:
/// a path (the manifest, or its folder) must hold an EcodMini module, whose manifest gives the version;
/// <c>EcodMini@1.2.0</c> must be installed under one of the module roots (PSModulePath) as
/// <c>EcodMini/1.2.0/EcodMini.psd1</c>. Unset: the submitting session's own module. Throws
/// <see cref="WorkerModuleException"/> naming the setting, the value and the fix. Reads files only; thread-safe.
/// </summary>
public static partial class WorkerModuleResolver
{
    public const string Setting = "slurm.worker_module";
    private const string CmdletAssembly = "EcodMini.PowerShell.dll";

    /// <param name="configured">slurm.worker_module, or null.</param>
    /// <param name="resolvePath">Resolves a relative path as the configuration does (against its file's folder).</param>
    /// <param name="moduleRoots">The folders PowerShell searches for modules (<see cref="ModuleRoots"/>).</param>
    /// <param name="session">The submitting session's module, used when nothing is configured.</param>
    public static WorkerModule Resolve(string? configured, Func<string, string> resolvePath, IReadOnlyList<string> moduleRoots, WorkerModule session)
    {
        if (string.IsNullOrWhiteSpace(configured)) return session;
        var value = configured.Trim();
        var named = NameAndVersion().Match(value);
        if (named.Success)
        {
            var name = named.Groups["name"].Value;
            if (!name.Equals(WorkerModule.ModuleName, StringComparison.OrdinalIgnoreCase))
                throw new WorkerModuleException(Setting, $"'{value}' names the module '{name}'; workers run {WorkerModule.ModuleName} (e.g. {WorkerModule.ModuleName}@{session.Version})");
            return FromName(named.Groups["version"].Value, moduleRoots);
        }
        if (value.Equals(WorkerModule.ModuleName, StringComparison.OrdinalIgnoreCase))
            throw new WorkerModuleException(Setting, $"'{value}' has no version, so workers would take whichever version comes first on the node; " +
                $"give one ({WorkerModule.ModuleName}@{session.Version}) or the path of an EcodMini.psd1");
        return FromPath(resolvePath(value));
    }

    /// <summary>The module at <paramref name="path"/> (an EcodMini.psd1, or the folder holding it), imported by path.</summary>
    public static WorkerModule FromPath(string path)
    {
        var manifest = Directory.Exists(path) ? Path.Combine(path, WorkerModule.ManifestFileName) : path;
        manifest = Path.GetFullPath(manifest);
        if (!File.Exists(manifest))
            throw new WorkerModuleException(Setting, $"{manifest} does not exist; give the path of an installed {WorkerModule.ManifestFileName} (or its folder), or {WorkerModule.ModuleName}@<version>");
        if (!Path.GetFileName(manifest).Equals(WorkerModule.ManifestFileName, StringComparison.Ordinal))
            throw new WorkerModuleException(Setting, $"{manifest} is not an {WorkerModule.ManifestFileName}");
        return new WorkerModule { Version = ReadManifestVersion(manifest), ManifestPath = manifest };
    }

    /// <summary>EcodMini at exactly <paramref name="version"/>, found under the first module root that has it; imported by name and version.</summary>
    public static WorkerModule FromName(string version, IReadOnlyList<string> moduleRoots)
    {
        foreach (var root in moduleRoots)
        {
            var manifest = Path.Combine(root, WorkerModule.ModuleName, version, WorkerModule.ManifestFileName);
            if (!File.Exists(manifest)) continue;
            var found = ReadManifestVersion(manifest);
            if (!WorkerModule.SameVersion(found, version))
                throw new WorkerModuleException(Setting, $"{manifest} says ModuleVersion {found}, not {version}; reinstall it (Install-PSResource {WorkerModule.ModuleName} -Version {version} -Reinstall)");
            return new WorkerModule { Version = version, ManifestPath = manifest, ImportByName = true };
        }
        var searched = moduleRoots.Count == 0 ? "(PSModulePath is empty)" : string.Join(", ", moduleRoots);
        throw new WorkerModuleException(Setting, $"{WorkerModule.ModuleName} {version} is not installed in any module folder ({searched}); " +
            $"install it with Install-PSResource {WorkerModule.ModuleName} -Version {version} -Repository <name>, or name an installed version");
    }

    /// <summary>The absolute folders of a PSModulePath value, in order, without duplicates.</summary>
    public static IReadOnlyList<string> ModuleRoots(string? psModulePath) =>
        (psModulePath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Path.IsPathRooted).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The ModuleVersion of an EcodMini manifest whose folder also holds the cmdlet assembly.</summary>
    public static string ReadManifestVersion(string manifestPath)
    {
        string text;
        try { text = File.ReadAllText(manifestPath); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WorkerModuleException(Setting, $"{manifestPath} cannot be read ({ex.Message})", ex);
        }
        var match = ModuleVersionLine().Match(text);
        if (!match.Success || !Version.TryParse(match.Groups["version"].Value, out _))
            throw new WorkerModuleException(Setting, $"{manifestPath} has no ModuleVersion = 'N.N.N' line: not an {WorkerModule.ModuleName} manifest");
        var folder = Path.GetDirectoryName(manifestPath) ?? "";
        if (!File.Exists(Path.Combine(folder, CmdletAssembly)))
            throw new WorkerModuleException(Setting, $"{folder} has no {CmdletAssembly}: not an installed {WorkerModule.ModuleName} module");
        return match.Groups["version"].Value;
    }

    [GeneratedRegex(@"\A(?<name>[A-Za-z][A-Za-z0-9_.\-]*)@(?<version>\d+(\.\d+){1,3})\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameAndVersion();

    [GeneratedRegex(@"^\s*ModuleVersion\s*=\s*['""](?<version>[0-9.]+)['""]", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex ModuleVersionLine();
}
