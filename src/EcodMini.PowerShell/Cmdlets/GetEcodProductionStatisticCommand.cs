using System.Management.Automation;
using EcodMini.Core.Monitoring;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Production totals, success rate, quality distribution, throughput and ETA from the tracking database; active
/// alerts are written as warnings.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EcodProductionStatistic")]
[OutputType(typeof(ProductionStatistics))]
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
        var (statistics, alerts) = OpenMonitor(thresholds).StatisticsWithAlerts();
        WriteAlertWarnings(alerts);
        WriteObject(statistics);
    }
}
