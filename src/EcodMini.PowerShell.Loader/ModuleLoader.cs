using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace EcodMini.PowerShell.Loader;

/// <summary>
/// Hooks the default load context so that only the engine assemblies (<c>EcodMini.Core</c> and the synthetic batch
/// generator <c>EcodMini.Synthetic</c>, which the cmdlets reference) are loaded, into <see cref="EngineLoadContext"/>,
/// from the module's <c>Dependencies/</c> folder; everything they need then resolves inside that context.
/// </summary>
public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string[] EngineAssemblyNames = ["EcodMini.Core", "EcodMini.Synthetic"];

    // The module's one load context: created once per process, like the module assembly itself.
    private static readonly Lazy<EngineLoadContext> Context = new(() =>
        new EngineLoadContext(Path.Combine(
            Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location) ?? AppContext.BaseDirectory,
            "Dependencies")));

    public void OnImport()
    {
        AssemblyLoadContext.Default.Resolving -= ResolveEngine;
        AssemblyLoadContext.Default.Resolving += ResolveEngine;
    }

    /// <summary>Unhooks the resolver when the module is removed.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= ResolveEngine;

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null || !EngineAssemblyNames.Contains(name.Name, StringComparer.Ordinal)) return null;
        var path = Path.Combine(Context.Value.DependencyDirectory, name.Name + ".dll");
        return File.Exists(path) ? Context.Value.LoadFromAssemblyName(name) : null;
    }
}
