using System.Globalization;
using System.Text;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Outputs;
using static EcodMini.Core.Monitoring.Reports.Html.Svg;

namespace EcodMini.Core.Monitoring.Reports.Html;

/// <summary>
/// Writes a <see cref="ProductionReport"/> as one self-contained HTML file: inline CSS and inline SVG charts, no
/// script and nothing fetched from anywhere, laid out for a laptop screen and for A4 print. Written atomically.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>At most this many batches are charted (all are listed in the table).</summary>
    public const int MaxChartedBatches = 40;

    public static void Write(ProductionReport report, string path) =>
        AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(ToHtml(report)));

    public static string ToHtml(ProductionReport report)
    {
        var s = report.Statistics;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>EcodMini production report ").Append(E(Time(report.GeneratedAt))).Append("</title>")
            .Append("<style>").Append(ReportStyle.Css).Append("</style></head><body><main>\n");
        html.Append("<h1>EcodMini production report</h1>")
            .Append("<p class=\"meta\">Tracking database <code>").Append(E(report.TrackingDatabase)).Append("</code></p>")
            .Append("<p class=\"meta\">Generated ").Append(E(Time(report.GeneratedAt))).Append(" UTC")
            .Append(s.FirstStart is { } first ? $" &middot; first job started {E(Time(first))} UTC" : "")
            .Append(s.LastEnd is { } last ? $" &middot; last job ended {E(Time(last))} UTC" : "").Append("</p>\n");
        AppendCards(html, report);
        AppendAlerts(html, report.Alerts);

        html.Append("<h2>Progress</h2>");
        html.Append(Figure("status", "Jobs by status", SvgCharts.StackedBar("status", "Jobs by status",
        [
            new("completed", s.Completed, "completed"), new("failed", s.Failed, "failed"),
            new("cancelled", s.Cancelled, "pending"), new("running", s.Running, "running"), new("pending", s.Pending, "pending"),
        ], SvgCharts.FullWidth)));
        html.Append(Figure("throughput", $"Finished jobs per hour ({MonitorText.Duration(report.Throughput.Bucket)} buckets, UTC)", ThroughputChart(report.Throughput)));

        html.Append("<h2>Quality</h2><div class=\"grid2\">");
        html.Append(Figure("quality", $"Quality of completed chains (good &ge; {N(s.Thresholds.Good)} coverage and &ge; {N(s.Thresholds.MinConfidence)} mean confidence, poor &lt; {N(s.Thresholds.Questionable)} coverage)",
            SvgCharts.StackedBar("quality", "Quality distribution",
            [
                new("good", s.Quality.Good, "good"), new("questionable", s.Quality.Questionable, "questionable"), new("poor", s.Quality.Poor, "poor"),
            ])));
        html.Append(TimingTable(report.Timing));
        html.Append(Figure("coverage", "Coverage of completed chains", SvgCharts.Columns("coverage", "Coverage histogram",
            report.Coverage.Bins.Select(b => new ChartItem(b.Label, b.Count, CoverageClass(b, s.Thresholds))).ToList(), "chains")));
        html.Append(Figure("domains", "Domains per completed chain", SvgCharts.Columns("domains", "Domain count histogram",
            report.DomainCount.Bins.Select(b => new ChartItem(b.Label, b.Count)).ToList(), "chains")));
        html.Append("</div>\n");

        ReportTables.AppendFailures(html, report.Failures);
        ReportTables.AppendRetries(html, report.Retries);
        ProvenanceTables.AppendResources(html, report.Resources);
        ProvenanceTables.AppendCosts(html, report.Costs);
        ProvenanceTables.AppendComparison(html, report.Comparison, report.ComparisonChanges);
        AppendBatches(html, s.Batches);
        html.Append("<p class=\"note\">Rates: success = completed / finished; throughput and ETA as computed by the statistics. ")
            .Append("Alert limits and the chart data are in the JSON report (<code>Export-EcodReport -Path report.json</code>).</p>");
        return html.Append("</main></body></html>\n").ToString();
    }

    private static void AppendCards(StringBuilder html, ProductionReport report)
    {
        var s = report.Statistics;
        string Share(int n) => s.Total == 0 ? "" : $" <small>({MonitorText.Percent((double)n / s.Total)})</small>";
        var eta = s.EstimatedRemaining is { } r ? (r == TimeSpan.Zero ? "done" : MonitorText.Duration(r)) : "unknown";
        html.Append("<div class=\"cards\">")
            .Append(Card("Total", Tick(s.Total)))
            .Append(Card("Completed", Tick(s.Completed) + Share(s.Completed)))
            .Append(Card("Failed", Tick(s.Failed) + Share(s.Failed)))
            .Append(Card("Cancelled", Tick(s.Cancelled) + Share(s.Cancelled)))
            .Append(Card("Running", Tick(s.Running)))
            .Append(Card("Pending", Tick(s.Pending)))
            .Append(Card("Success rate", E(MonitorText.Percent(s.SuccessRate))))
            .Append(Card("Throughput", E(MonitorText.Rate(s.ThroughputPerHour))))
            .Append(Card("Time left", E(eta)))
            .Append(Card("Mean coverage", E(MonitorText.Number(s.MeanCoverage, "F2"))))
            .Append(Card("Mean domains", E(MonitorText.Number(s.MeanDomainCount, "F2"))))
            .Append("</div>\n");
    }

    private static void AppendAlerts(StringBuilder html, IReadOnlyList<ProductionAlert> alerts)
    {
        html.Append("<h2>Alerts</h2>");
        if (alerts.Count == 0) { html.Append("<p class=\"none\">No active alerts.</p>"); return; }
        html.Append("<ul class=\"alerts\">");
        foreach (var a in alerts)
            html.Append($"<li class=\"{(a.Severity == AlertSeverity.Critical ? "critical" : "warning")}\"><strong>{E(a.Kind.ToString())}</strong> ({E(a.Severity.ToString().ToLowerInvariant())}): {E(a.Message)}</li>");
        html.Append("</ul>\n");
    }

    private static void AppendBatches(StringBuilder html, IReadOnlyList<BatchStatistics> batches)
    {
        html.Append("<h2>Batches</h2>");
        if (batches.Count == 0) { html.Append("<p class=\"note\">No batch has jobs.</p>"); return; }
        var charted = batches.Take(MaxChartedBatches).Select(b => (b.BatchName, (IReadOnlyList<ChartItem>)
        [
            new("completed", b.Completed, "completed"), new("failed", b.Failed, "failed"),
            new("running", b.Running, "running"), new("pending", b.Pending, "pending"),
        ])).ToList();
        var caption = batches.Count > MaxChartedBatches ? $"Jobs per batch (first {MaxChartedBatches} of {batches.Count}; all in the table)" : "Jobs per batch";
        html.Append(Figure("batches", caption, SvgCharts.StackedRows("batches", "Jobs per batch", charted, SvgCharts.FullWidth)));
        ReportTables.AppendBatchTable(html, batches);
    }

    /// <summary>A line over time; a run that finished within one or two buckets gets columns (a line needs more points).</summary>
    private static string ThroughputChart(ThroughputSeries series)
    {
        if (series.Points.Count is > 0 and < 3)
            return SvgCharts.Columns("throughput", "Throughput over time", series.Points.Select(p =>
                new ChartItem(p.Start.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture), Math.Round(p.PerHour))).ToList(), "jobs/h", SvgCharts.FullWidth);
        return SvgCharts.TimeLine("throughput", "Throughput over time", series.Points.Select(p => (p.Start, p.PerHour)).ToList(), "jobs/h", SvgCharts.FullWidth);
    }

    private static string TimingTable(TimingSummary t) =>
        "<figure class=\"chart timing\"><figcaption>Processing time per chain</figcaption><table><tr><th>chains</th><th class=\"n\">mean</th><th class=\"n\">p50</th><th class=\"n\">p95</th><th class=\"n\">max</th></tr>" +
        $"<tr><td class=\"n\">{Tick(t.Count)}</td><td class=\"n\">{Seconds(t.MeanSeconds)}</td><td class=\"n\">{Seconds(t.P50Seconds)}</td><td class=\"n\">{Seconds(t.P95Seconds)}</td><td class=\"n\">{Seconds(t.MaxSeconds)}</td></tr></table></figure>";

    private static string CoverageClass(HistogramBin bin, QualityThresholds t) =>
        bin.Lower >= t.Good - 1e-9 ? "good" : bin.Lower >= t.Questionable - 1e-9 ? "questionable" : "poor";

    private static string Figure(string chart, string caption, string svg) =>
        $"<figure class=\"chart\" id=\"chart-{E(chart)}\"><figcaption>{caption}</figcaption>{svg}</figure>\n";

    private static string Card(string key, string value) => $"<div class=\"card\"><div class=\"k\">{E(key)}</div><div class=\"v\">{value}</div></div>";

    internal static string Seconds(double seconds) => seconds < 10
        ? seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : seconds.ToString("N1", CultureInfo.InvariantCulture) + " s";

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
