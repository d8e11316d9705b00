namespace EcodMini.Core.Monitoring.Reports;

/// <summary>The report file formats.</summary>
public enum ReportFormat
{
    Json,
    Html,
}
