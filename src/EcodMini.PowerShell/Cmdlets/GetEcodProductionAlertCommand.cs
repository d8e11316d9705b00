using System.Management.Automation;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>The production run's active alerts (failure rate, throughput, quality, resources, disk space, lease), most urgent first.</summary>
[Cmdlet(VerbsCommon.Get, "EcodProductionAlert")]
[OutputType(typeof(ProductionAlert))]
public sealed class GetEcodProductionAlertCommand : EcodMonitorCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string? TrackingDatabase { get; set; }

    protected override string? TrackingDatabaseParameter => TrackingDatabase;

    protected override void EndProcessing()
    {
        var monitor = OpenMonitor();
        var alerts = monitor.Alerts();
        WriteVerbose(alerts.Count == 0 ? "No alert: every limit holds" : $"{alerts.Count} alert(s) active");
        WriteObject(alerts, enumerateCollection: true);
    }
}
