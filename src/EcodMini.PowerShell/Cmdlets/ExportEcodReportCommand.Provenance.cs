using System.Management.Automation;
using EcodMini.Core.Costs;
using EcodMini.Core.Monitoring.Reports;
using EcodMini.Core.RunComparison;

namespace EcodMini.PowerShell.Cmdlets;

public sealed partial class ExportEcodReportCommand
{
    /// <summary>The SLURM resource figures, estimates against actual and (with -BeforeRun/-AfterRun) a run comparison.</summary>
    private ProductionReport WithProvenance(ProductionReport report)
    {
        using var tracker = OpenTracker(TrackingDatabase, readOnly: true);
        report = report with { Resources = ResourceReport.From(tracker.GetTaskResources()), Costs = tracker.GetRunCosts() };
        if (BeforeRun is null && AfterRun is null) return report;
        if (BeforeRun is null || AfterRun is null)
        {
            Fail(new ArgumentException("Give both -BeforeRun and -AfterRun for the comparison section"), "EcodCompareSidesInvalid", ErrorCategory.InvalidArgument, null);
            return report;
        }
        var thresholds = Settings.Quality.ToThresholds();
        var (changes, summary) = RunComparer.Compare(tracker.GetRunSnapshots(BeforeRun, thresholds), tracker.GetRunSnapshots(AfterRun, thresholds),
            $"run {BeforeRun}", $"run {AfterRun}");
        WriteVerbose($"Comparison section: {summary.Describe()}");
        return report with { Comparison = summary, ComparisonChanges = changes };
    }
}
