using System.Management.Automation;
using EcodMini.Core.Monitoring.Reports;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Writes a production report (totals, rates, timings, quality, failures, retries, batches, throughput over time) as
/// JSON or as one self-contained HTML file with charts, chosen by the file extension.
/// </summary>
[Cmdlet(VerbsData.Export, "EcodReport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed partial class ExportEcodReportCommand : EcodMonitorCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    public string? TrackingDatabase { get; set; }

    /// <summary>Overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Emit the written file.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override string? TrackingDatabaseParameter => TrackingDatabase;

    /// <summary>Adds a section comparing this tracker run (older side) with -AfterRun, by Compare-EcodRun's rules.</summary>
    [Parameter]
    public string? BeforeRun { get; set; }

    /// <summary>The newer run of the comparison section (with -BeforeRun).</summary>
    [Parameter]
    public string? AfterRun { get; set; }

    protected override void EndProcessing()
    {
        var target = ResolvePath(Path);
        if (ReportFile.FormatOf(target) is not { } format)
        {
            Fail(new ArgumentException($"{target}: unknown report format; name the file .json or .html"),
                "EcodReportFormatUnknown", ErrorCategory.InvalidArgument, target);
            return;
        }
        if (File.Exists(target) && !Force.IsPresent)
        {
            Fail(new IOException($"{target}: the file exists; add -Force to replace it"), "EcodReportExists", ErrorCategory.ResourceExists, target);
            return;
        }
        if (Directory.Exists(target))
        {
            Fail(new IOException($"{target}: is a folder; give a file name ending in .json or .html"), "EcodReportPathIsFolder", ErrorCategory.InvalidArgument, target);
            return;
        }
        var monitor = OpenMonitor();
        if (!ShouldProcess(target, $"Write {format} production report")) return;

        WriteProgress(new ProgressRecord(1, "Export-EcodReport", "Reading the tracking database") { PercentComplete = 10 });
        var report = WithProvenance(monitor.Report());
        WriteVerbose($"Report: {report.Statistics.Total} jobs, {report.Statistics.Batches.Count} batches, {report.Failures.Count} failure reasons, {report.Alerts.Count} alerts");
        WriteProgress(new ProgressRecord(1, "Export-EcodReport", $"Writing {target}") { PercentComplete = 70 });
        try
        {
            ReportFile.Write(report, target, format);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(new IOException($"{target}: cannot write the report: {ex.Message}", ex), "EcodReportWriteFailed", ErrorCategory.WriteError, target);
        }
        finally
        {
            WriteProgress(new ProgressRecord(1, "Export-EcodReport", "Done") { RecordType = ProgressRecordType.Completed });
        }
        if (PassThru.IsPresent) WriteObject(new FileInfo(target));
    }
}
