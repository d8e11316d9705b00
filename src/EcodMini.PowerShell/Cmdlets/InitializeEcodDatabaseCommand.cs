using System.Management.Automation;
using EcodMini.Core.Database;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Creates the production schema (schemas, tables, keys, indexes) on the configured database; existing tables are kept and checked.</summary>
[Cmdlet(VerbsData.Initialize, "EcodDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DatabaseInitialization))]
public sealed class InitializeEcodDatabaseCommand : EcodDatabaseCmdlet
{
    protected override void EndProcessing()
    {
        var connector = Connector();
        var evidence = Settings.Database.EvidenceTable;
        var missing = RunDatabase(() => SchemaInspector.CheckAsync(connector, evidence, CancellationToken).GetAwaiter().GetResult());
        WriteVerbose(missing.Count == 0
            ? $"{connector.Target}: every table and column the tool needs is present"
            : $"{connector.Target}: missing {string.Join(", ", missing)}");
        var action = missing.Count == 0
            ? "Create any missing schema object (none missing)"
            : $"Create the missing schema objects ({string.Join(", ", missing.Take(8))}{(missing.Count > 8 ? ", ..." : "")})";
        if (!ShouldProcess(connector.Target, action)) return;
        var result = RunDatabase(() => DatabaseInitializer.InitializeAsync(connector, evidence, CancellationToken).GetAwaiter().GetResult());
        WriteVerbose($"Created {result.CreatedTables.Count} table(s), kept {result.ExistingTables.Count} existing table(s)");
        WriteObject(result);
    }
}
