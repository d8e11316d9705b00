using System.Text.RegularExpressions;
using EcodMini.Core.Slurm;

namespace EcodMini.Core.WorkerModules;

/// <summary>
/// The cluster preflight's check that a compute node loads a run's worker module: <see cref="Command"/> is one shell
/// line for a probe job (the worker's pwsh imports the module exactly as the job script does and prints the loaded
/// version); <see cref="Problem"/> reads the probe's exit code and output. Pure and thread-safe.
/// </summary>
public static partial class WorkerModuleProbe
{
    private const string Marker = "ecodmini-worker-module=";

    /// <summary>A shell command line; every value validated and single-quoted. Throws <see cref="UnsafeJobValueException"/>.</summary>
    public static string Command(IReadOnlyList<string> workerProgram, WorkerModule module)
    {
        if (workerProgram.Count == 0) throw new UnsafeJobValueException("worker program", "", "the absolute path of pwsh");
        var program = string.Join(' ', workerProgram.Select(p => JobScriptValues.Quote(JobScriptValues.Path("worker program", p))));
        var script = WorkerModuleImport.Statements(module) +
            $"; $m = Get-Module -Name {WorkerModule.ModuleName}; \"{Marker}\" + $m.Version + \" \" + $m.ModuleBase";
        return $"{program} -NoProfile -NonInteractive -Command {JobScriptValues.Quote(script)}";
    }

    /// <summary>Null when the node loaded the pinned version; otherwise what went wrong and the fix.</summary>
    public static string? Problem(WorkerModule module, int exitCode, string output)
    {
        var match = MarkerLine().Match(output);
        if (exitCode != 0 || !match.Success)
        {
            var detail = string.Join(' ', output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
            return $"{WorkerModuleResolver.Setting}: the compute node cannot load {module.Describe()} (exit code {exitCode}: {detail}); " +
                   (module.ImportByName
                       ? $"install {WorkerModule.ModuleName} {module.Version} where the nodes' PSModulePath finds it"
                       : $"put the module on a file system the nodes mount at {module.ManifestPath}");
        }
        var loaded = match.Groups["version"].Value;
        return module.MismatchWith(loaded, match.Groups["base"].Value.Trim());
    }

    [GeneratedRegex(@"ecodmini-worker-module=(?<version>[0-9.]+) (?<base>[^\r\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerLine();
}
