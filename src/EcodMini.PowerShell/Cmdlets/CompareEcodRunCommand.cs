using System.Management.Automation;
using EcodMini.Core.Database;
using EcodMini.Core.RunComparison;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Compares two partition sets chain by chain: two tracker runs, two process versions in PostgreSQL, or a tracker run
/// against a process version (what curators see before the run is imported). Emits one object per changed chain
/// and the summary as a host line, or with -Summary only the summary object.
/// </summary>
[Cmdlet(VerbsData.Compare, "EcodRun")]
[OutputType(typeof(ChainChange))]
[OutputType(typeof(RunComparisonSummary))]
public sealed class CompareEcodRunCommand : EcodDatabaseCmdlet
{
    /// <summary>The first (older) side: a tracker run id.</summary>
    [Parameter]
    public string? BeforeRun { get; set; }

    /// <summary>The first (older) side: a process version in pdb_analysis.partition_proteins.</summary>
    [Parameter]
    public string? BeforeProcessVersion { get; set; }

    /// <summary>The second (newer) side: a tracker run id.</summary>
    [Parameter]
    public string? AfterRun { get; set; }

    /// <summary>The second (newer) side: a process version.</summary>
    [Parameter]
    public string? AfterProcessVersion { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    /// <summary>Emit only the summary (counts by kind), not the changed chains.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    protected override void EndProcessing()
    {
        if ((BeforeRun is null) == (BeforeProcessVersion is null) || (AfterRun is null) == (AfterProcessVersion is null))
        {
            Fail(new ArgumentException("Give each side exactly once: -BeforeRun or -BeforeProcessVersion, and -AfterRun or -AfterProcessVersion"),
                "EcodCompareSidesInvalid", ErrorCategory.InvalidArgument, null);
            return;
        }
        var thresholds = Settings.Quality.ToThresholds();
        var before = Side(BeforeRun, BeforeProcessVersion, thresholds);
        var after = Side(AfterRun, AfterProcessVersion, thresholds);
        var (changes, summary) = RunComparer.Compare(before.Chains, after.Chains, before.Label, after.Label);
        if (Summary.IsPresent)
        {
            WriteObject(summary);
            return;
        }
        WriteInformation(new HostInformationMessage { Message = summary.Describe() }, ["PSHOST"]);
        WriteObject(changes, enumerateCollection: true);
    }

    private (string Label, IReadOnlyList<ChainSnapshot> Chains) Side(string? run, string? version, Core.Monitoring.QualityThresholds thresholds)
    {
        if (run is not null)
        {
            using var tracker = OpenTracker(TrackingDatabase, readOnly: true);
            if (!tracker.HasRun(run))
                Fail(new ItemNotFoundException($"{tracker.Path}: no attempts of run '{run}' (Get-EcodJobStatus -History shows run ids)"),
                    "EcodRunNotFound", ErrorCategory.ObjectNotFound, run);
            var chains = tracker.GetRunSnapshots(run, thresholds);
            WriteVerbose($"Run {run}: {chains.Count} chain(s) from {tracker.Path}");
            return ($"run {run}", chains);
        }
        var connector = Connector();
        var rows = RunDatabase(() => ProcessVersionReader.ReadAsync(connector, version!, thresholds, CancellationToken).GetAwaiter().GetResult());
        WriteVerbose($"Process version {version}: {rows.Count} chain(s) in {connector.Target}");
        return ($"process version {version}", rows);
    }
}
