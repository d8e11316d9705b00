using System.Management.Automation;
using EcodMini.Core.Database;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Creates, where missing, the schemas, tables, keys, indexes and views the tool and the team's readers need; with -Force
/// also adds missing nullable columns to existing tables. -WhatIf lists each change. Existing tables are otherwise kept.
/// </summary>
[Cmdlet(VerbsData.Initialize, "EcodDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DatabaseInitialization))]
public sealed class InitializeEcodDatabaseCommand : EcodDatabaseCmdlet
{
    /// <summary>Production (default), or Curation: also the ecod_curation staging schema pyecod_vis reads.</summary>
    [Parameter]
    public ImportTarget Target { get; set; } = ImportTarget.Production;

    /// <summary>Also change existing tables: add missing nullable columns, replace EcodMini's earlier unique key.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void EndProcessing()
    {
        var connector = Connector();
        var evidence = Settings.Database.EvidenceTable;
        var changes = RunDatabase(() => DatabaseInitializer.PlanAsync(connector, evidence, Target, CancellationToken).GetAwaiter().GetResult());
        var (apply, skipped) = DatabaseInitializer.Select(changes, Force.IsPresent);
        WriteVerbose(changes.Count == 0
            ? $"{connector.Target}: every table, column and view the tool and the readers need is present"
            : $"{connector.Target}: {changes.Count} change(s) found, {apply.Count} to make");
        foreach (var change in skipped)
        {
            if (change.Kind == SchemaChangeKind.Incompatible) WriteWarning($"{connector.Target}: {change.Target} {change.Sql}");
            else if (change.NeedsForce) WriteWarning($"{connector.Target}: not done without -Force: {change.Description}");
            else WriteWarning($"{connector.Target}: not done while columns are missing (use -Force): {change.Description}");
        }
        // One ShouldProcess per change, so -WhatIf lists each; a declined change is left out.
        var approved = apply.Where(c => ShouldProcess(connector.Target, c.Description)).ToList();
        if (approved.Count == 0 && apply.Count > 0) return; // -WhatIf, or every change declined
        var declined = apply.Except(approved).ToList();
        var result = RunDatabase(() => DatabaseInitializer.InitializeAsync(connector, evidence, Target, approved, [.. skipped, .. declined], CancellationToken)
            .GetAwaiter().GetResult());
        WriteVerbose($"Created {result.CreatedTables.Count} table(s) and {result.CreatedViews.Count} view(s), added {result.AddedColumns.Count} column(s)");
        WriteObject(result);
    }
}
