using System.Management.Automation;
using EcodMini.Core.Monitoring;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Production totals, success rate, quality distribution, current pace and ETA from the tracking database, as one
/// consistent snapshot read without writing anything; or one row per batch with -ByBatch.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EcodProductionStatistic", DefaultParameterSetName = "Total")]
[OutputType(typeof(ProductionStatistics), ParameterSetName = ["Total"])]
[OutputType(typeof(BatchStatistics), ParameterSetName = ["ByBatch"])]
public sealed class GetEcodProductionStatisticCommand : EcodConfiguredCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? TrackingDatabase { get; set; }

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

    protected override void EndProcessing()
    {
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
        using var tracker = OpenTracker(TrackingDatabase, readOnly: true);
        var stats = tracker.GetStatistics(new StatisticsOptions { Thresholds = thresholds, ThroughputWindow = TimeSpan.FromMinutes(WindowMinutes) });
        WriteVerbose($"Pace: {stats.FinishedInWindow} job(s) finished in the last {stats.ThroughputWindow.TotalSeconds:N0} s " +
                     $"(window {WindowMinutes} min, cut to the age of run {stats.RunId ?? "(none)"})" +
                     (stats.ActiveRun is { } run ? $"; running now: {run.Describe()}" : "; no run owns the database now"));
        if (ByBatch.IsPresent) WriteObject(stats.Batches, enumerateCollection: true);
        else WriteObject(stats);
    }
}
