using EcodMini.Core.Slurm;

namespace EcodMini.Core.WorkerModules;

/// <summary>
/// The pwsh statements that load exactly a run's <see cref="WorkerModule"/> on a node: by manifest path, or by name
/// with <c>-RequiredVersion</c>. Every value is validated like any job script value (<see cref="JobScriptValues"/>), so
/// the text can sit inside a single-quoted shell word. Used by the job script and by the node probe.
/// </summary>
public static class WorkerModuleImport
{
    /// <summary>Plain-text output (no ANSI colour codes in .out/.err logs), then the import; stops on failure.</summary>
    public static string Statements(WorkerModule module)
    {
        var import = module.ImportByName
            ? $"Import-Module -Name {WorkerModule.ModuleName} -RequiredVersion {JobScriptValues.Version("module version", module.Version)} -ErrorAction Stop"
            : $"Import-Module -Name \"{JobScriptValues.Path("module path", module.ManifestPath)}\" -ErrorAction Stop";
        return "$PSStyle.OutputRendering = \"PlainText\"; " + import;
    }
}
