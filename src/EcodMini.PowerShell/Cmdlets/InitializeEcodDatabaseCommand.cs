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
        // The exact tables the initializer's DDL creates, split by what the database already has, and what is missing (one session).
        var plan = RunDatabase(() => SchemaPlan.ReadAsync(connector, evidence, CancellationToken).GetAwaiter().GetResult());
        var missing = plan.Missing;
        WriteVerbose(missing.Count == 0
            ? $"{connector.Target}: every table and column the tool needs is present"
            : $"{connector.Target}: missing {string.Join(", ", missing)}");
        var action = plan.ToCreate.Count == 0
            ? $"Create no table: all {plan.Existing.Count} exist ({string.Join(", ", plan.Existing)}); add any missing column, key or index"
            : $"Create {plan.ToCreate.Count} table(s): {string.Join(", ", plan.ToCreate)}" +
              (plan.Existing.Count == 0 ? "" : $"; keep {plan.Existing.Count} existing: {string.Join(", ", plan.Existing)}");
        if (!ShouldProcess(connector.Target, action)) return;
        var result = RunDatabase(() => DatabaseInitializer.InitializeAsync(connector, evidence, CancellationToken).GetAwaiter().GetResult());
        WriteVerbose($"Created {result.CreatedTables.Count} table(s), kept {result.ExistingTables.Count} existing table(s)");
        WriteObject(result);
    }
}
