using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Writes a commented production.yml template holding the built-in defaults, its paths naming folders in the current
/// folder as seen from the file's folder (so the file works from any current folder).
/// </summary>
[Cmdlet(VerbsCommon.New, "EcodConfiguration", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class NewEcodConfigurationCommand : EcodCmdlet
{
    [Parameter(Position = 0)]
    public string Path { get; set; } = System.IO.Path.Combine("config", "production.yml");

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void EndProcessing()
    {
        var path = ResolvePath(Path);
        if (File.Exists(path) && !Force.IsPresent)
        {
            Fail(new IOException($"{path}: already exists; use -Force to overwrite it"), "EcodConfigurationExists", ErrorCategory.ResourceExists, path);
            return;
        }
        if (!ShouldProcess(path, "Write a production configuration template")) return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        // Paths point at folders beside the current one as seen from the file: config/production.yml names ../batches.
        var root = ConfigurationTemplate.RootFrom(System.IO.Path.GetDirectoryName(path)!, SessionState.Path.CurrentFileSystemLocation.ProviderPath);
        WriteVerbose($"Paths in the template are under '{root}' (relative to {System.IO.Path.GetDirectoryName(path)})");
        ConfigurationTemplate.Write(path, Force.IsPresent, root);
        WriteObject(new FileInfo(path));
    }
}
