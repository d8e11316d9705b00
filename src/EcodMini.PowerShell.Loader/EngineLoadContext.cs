using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace EcodMini.PowerShell.Loader;

/// <summary>
/// Private load context for the engine and its dependencies (SQLite, Npgsql, YamlDotNet, Spectre.Console), so they never
/// clash with the assemblies pwsh itself has loaded. Native libraries (e_sqlite3) resolve from
/// <c>Dependencies/runtimes/&lt;rid&gt;/native/</c>.
/// </summary>
internal sealed class EngineLoadContext(string dependencyDirectory) : AssemblyLoadContext("EcodMini.Engine", isCollectible: false)
{
    public string DependencyDirectory { get; } = dependencyDirectory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(DependencyDirectory, assemblyName.Name + ".dll");
        // Returning null lets the default context supply it (framework and PowerShell assemblies).
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        foreach (var candidate in NativeCandidates(unmanagedDllName))
        {
            if (File.Exists(candidate)) return LoadUnmanagedDllFromPath(candidate);
        }
        return IntPtr.Zero;
    }

    private IEnumerable<string> NativeCandidates(string name)
    {
        var fileNames = new List<string> { name };
        if (!Path.HasExtension(name) || !name.EndsWith(".so", StringComparison.Ordinal))
        {
            if (OperatingSystem.IsWindows()) fileNames.Add(name + ".dll");
            else if (OperatingSystem.IsMacOS()) { fileNames.Add("lib" + name + ".dylib"); fileNames.Add(name + ".dylib"); }
            else { fileNames.Add("lib" + name + ".so"); fileNames.Add(name + ".so"); }
        }
        foreach (var rid in RuntimeIds())
            foreach (var file in fileNames)
                yield return Path.Combine(DependencyDirectory, "runtimes", rid, "native", file);
        foreach (var file in fileNames)
            yield return Path.Combine(DependencyDirectory, file);
    }

    private static IEnumerable<string> RuntimeIds()
    {
        yield return RuntimeInformation.RuntimeIdentifier;
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        if (OperatingSystem.IsLinux())
        {
            var musl = File.Exists("/etc/alpine-release");
            yield return (musl ? "linux-musl-" : "linux-") + arch;
        }
        else if (OperatingSystem.IsMacOS()) yield return "osx-" + arch;
        else if (OperatingSystem.IsWindows()) yield return "win-" + arch;
    }
}
