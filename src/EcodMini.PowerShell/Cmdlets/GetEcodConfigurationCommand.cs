using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Shows the production configuration in effect and where it came from.</summary>
[Cmdlet(VerbsCommon.Get, "EcodConfiguration")]
[OutputType(typeof(LoadedConfiguration))]
public sealed class GetEcodConfigurationCommand : EcodConfiguredCmdlet
{
    protected override void EndProcessing()
    {
        foreach (var path in Loaded.Paths)
            WriteVerbose($"{path.Key}: '{path.Written}' resolves to {path.Resolved} ({(path.Exists ? "exists" : "does not exist")})");
        WriteObject(Loaded);
    }
}
