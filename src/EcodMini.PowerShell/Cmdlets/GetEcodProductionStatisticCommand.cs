using System.Management.Automation;
using EcodMini.Core.Costs;
using EcodMini.Core.Monitoring;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Production totals, success rate, quality distribution, current pace and ETA from the tracking database, as one
/// consistent snapshot read without writing anything; or one row per batch with -ByBatch. Active alerts are written
/// as warnings.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EcodProductionStatistic", DefaultParameterSetName = "Total")]
[OutputType(typeof(ProductionStatistics), ParameterSetName = ["Total"])]
[OutputType(typeof(BatchStatistics), ParameterSetName = ["ByBatch"])]
[OutputType(typeof(RunCost), ParameterSetName = ["Cost"])]
[OutputType(typeof(ResourceReport), ParameterSetName = ["Resource"])]
public sealed class GetEcodProductionStatisticCommand : EcodMonitorCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? TrackingDatabase { get; set; }

    protected override string? TrackingDatabaseParameter => TrackingDatabase;

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double? GoodCoverage { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double? MinCoverage { get; set; }

    /// <summary>The window the current pace (and the ETA) is measured over; cut to the run's age.</summary>
    [Parameter]
    [ValidateRange(1, 10080)]
    public int WindowMinutes { get; set; } = 15;

    [Parameter(Mandatory = true, ParameterSetName = "ByBatch")]
    public SwitchParameter ByBatch { get; set; }

    /// <summary>One object per SLURM run with a recorded estimate: estimated against actual core-hours and wall time.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Cost")]
    public SwitchParameter Cost { get; set; }

    /// <summary>p50/p95/max of the SLURM tasks' MaxRSS, Elapsed and TotalCPU, with recommended slurm.memory and slurm.time.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Resource")]
    public SwitchParameter Resource { get; set; }

    /// <summary>With -Resource: only this run's tasks.</summary>
    [Parameter(ParameterSetName = "Resource")]
    public string? RunId { get; set; }

    protected override void EndProcessing()
    {
        if (Cost.IsPresent || Resource.IsPresent)
        {
            using var tracker = OpenTracker(TrackingDatabase, readOnly: true);
            if (Cost.IsPresent) WriteObject(tracker.GetRunCosts(), enumerateCollection: true);
            else
            {
                var report = ResourceReport.From(tracker.GetTaskResources(RunId));
                WriteVerbose(report.Describe());
                WriteObject(report);
            }
            return;
        }
        var thresholds = Settings.Quality.ToThresholds();
        thresholds = thresholds with
        {
            Good = GoodCoverage ?? thresholds.Good,
            Questionable = MinCoverage ?? thresholds.Questionable,
        };
        if (thresholds.Questionable > thresholds.Good)
        {
            Fail(new ArgumentException($"-MinCoverage ({thresholds.Questionable}) cannot exceed -GoodCoverage ({thresholds.Good})"),
                "EcodInvalidThresholds", ErrorCategory.InvalidArgument, thresholds);
            return;
        }
        WriteVerbose($"Quality grades: good when coverage >= {thresholds.Good}, questionable when >= {thresholds.Questionable}, else poor");
        var (stats, alerts) = OpenMonitor(thresholds, TimeSpan.FromMinutes(WindowMinutes)).StatisticsWithAlerts();
        WriteVerbose($"Pace: {stats.FinishedInWindow} job(s) finished in the last {stats.ThroughputWindow.TotalSeconds:N0} s " +
                     $"(window {WindowMinutes} min, cut to the age of run {stats.RunId ?? "(none)"})" +
                     (stats.ActiveRun is { } run ? $"; running now: {run.Describe()}" : "; no run owns the database now"));
        WriteAlertWarnings(alerts);
        if (ByBatch.IsPresent) WriteObject(stats.Batches, enumerateCollection: true);
        else WriteObject(stats);
    }
}
