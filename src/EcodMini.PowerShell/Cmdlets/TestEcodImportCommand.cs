using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Database;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Re-reads imported chains from the database and compares them field by field with their partition files; emits every mismatch.</summary>
[Cmdlet(VerbsDiagnostic.Test, "EcodImport", DefaultParameterSetName = "Count")]
[OutputType(typeof(ImportMismatch))]
public sealed class TestEcodImportCommand : EcodDatabaseCmdlet
{
    /// <summary>How many imported chains to check, picked at random (default 100).</summary>
    [Parameter(ParameterSetName = "Count", Position = 0)]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; } = 100;

    [Parameter(Mandatory = true, ParameterSetName = "All")]
    public SwitchParameter All { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    protected override void EndProcessing()
    {
        var connector = Connector();
        IReadOnlyList<ImportLedgerEntry> imports;
        using (var tracker = OpenTracker(TrackingDatabase, readOnly: true))
            imports = tracker.GetImports(connector.Target);
        if (imports.Count == 0)
        {
            WriteWarning($"The tracking database records no import into {connector.Target}: nothing to verify");
            return;
        }
        var chosen = All.IsPresent || Count >= imports.Count ? imports : [.. imports.OrderBy(_ => Random.Shared.Next()).Take(Count)];
        WriteVerbose($"Verifying {chosen.Count} of {imports.Count} imported chain(s) against their partition files");
        var reporter = new ProgressReporter(1, $"Verifying imports in {connector.Target}", chosen.Count);
        var verifier = new ImportVerifier(connector, Settings.Database.EvidenceTable, Settings.Processing.ReferenceVersion);
        WriteProgress(reporter.Build(0, 0));
        var mismatches = RunDatabase(() => verifier.VerifyAsync(chosen, _ => { }, CancellationToken).GetAwaiter().GetResult());
        WriteProgress(reporter.Completed());
        var chains = mismatches.Select(m => (m.ProteinId, m.BatchName)).Distinct().Count();
        WriteVerbose($"{chosen.Count} chain(s) verified: {mismatches.Count} mismatch(es) in {chains} chain(s)");
        WriteObject(mismatches, enumerateCollection: true);
    }
}
