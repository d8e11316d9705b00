using EcodMini.Core.Monitoring.Reports.Html;

namespace EcodMini.Core.Monitoring.Reports;

/// <summary>Chooses a report's format from its file name and writes it (atomically: never half a file).</summary>
public static class ReportFile
{
    /// <summary>.json is JSON; .html and .htm are HTML; anything else is null.</summary>
    public static ReportFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => ReportFormat.Json,
        ".html" or ".htm" => ReportFormat.Html,
        _ => null,
    };

    public static void Write(ProductionReport report, string path, ReportFormat format)
    {
        if (format == ReportFormat.Json) ReportJsonWriter.Write(report, path);
        else HtmlReportWriter.Write(report, path);
    }
}
