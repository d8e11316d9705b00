using System.Text;
using static EcodMini.Core.Monitoring.Reports.Html.Svg;

namespace EcodMini.Core.Monitoring.Reports.Html;

/// <summary>The report's tables: failures by reason, retries, per-batch breakdown.</summary>
internal static class ReportTables
{
    public static void AppendFailures(StringBuilder html, IReadOnlyList<FailureGroup> failures)
    {
        html.Append("<h2>Failures by reason</h2>");
        if (failures.Count == 0) { html.Append("<p class=\"none\">No job has failed.</p>"); return; }
        var top = failures.Take(12).Select(f => new ChartItem(Short($"{f.Status}: {f.Reason}"), f.Count, "failed")).ToList();
        html.Append("<figure class=\"chart\" id=\"chart-failures\"><figcaption>Failed jobs per reason</figcaption>")
            .Append(SvgCharts.StackedRows("failures", "Failures by reason", top.Select(t => (t.Label, (IReadOnlyList<ChartItem>)[t])).ToList(), SvgCharts.FullWidth))
            .Append("</figure>");
        html.Append("<table><tr><th>status</th><th>reason</th><th class=\"n\">jobs</th><th>examples</th></tr>");
        foreach (var f in failures)
        {
            html.Append($"<tr><td>{E(f.Status)}</td><td class=\"wrap\">{E(f.Reason)}")
                .Append(f.SampleMessage is { } m && m != f.Reason ? $"<br><span class=\"note\">e.g. {E(m)}</span>" : "")
                .Append($"</td><td class=\"n\">{Tick(f.Count)}</td><td class=\"wrap\">{E(string.Join(", ", f.Examples))}</td></tr>");
        }
        html.Append("</table>\n");
    }

    public static void AppendRetries(StringBuilder html, RetrySummary retries)
    {
        html.Append("<h2>Retries</h2>")
            .Append($"<p>{Tick(retries.TotalRetries)} resubmissions; {Tick(retries.JobsRetried)} jobs were retried, ")
            .Append($"{Tick(retries.RetriedThenCompleted)} of them completed in the end.</p>");
        html.Append("<table><tr><th class=\"n\">retries</th><th class=\"n\">jobs</th><th class=\"n\">completed</th><th class=\"n\">failed</th><th class=\"n\">other</th></tr>");
        foreach (var l in retries.Levels)
            html.Append($"<tr><td class=\"n\">{l.RetryCount}</td><td class=\"n\">{Tick(l.Jobs)}</td><td class=\"n\">{Tick(l.Completed)}</td><td class=\"n\">{Tick(l.Failed)}</td><td class=\"n\">{Tick(l.Jobs - l.Completed - l.Failed)}</td></tr>");
        html.Append("</table>\n");
    }

    public static void AppendBatchTable(StringBuilder html, IReadOnlyList<BatchStatistics> batches)
    {
        html.Append("<table><tr><th>batch</th><th class=\"n\">jobs</th><th class=\"n\">completed</th><th class=\"n\">failed</th>")
            .Append("<th class=\"n\">running</th><th class=\"n\">pending</th><th class=\"n\">done</th><th class=\"n\">success</th>")
            .Append("<th class=\"n\">mean coverage</th><th class=\"n\">good</th><th class=\"n\">poor</th></tr>");
        foreach (var b in batches)
        {
            html.Append($"<tr><td>{E(b.BatchName)}</td><td class=\"n\">{Tick(b.Total)}</td><td class=\"n\">{Tick(b.Completed)}</td>")
                .Append($"<td class=\"n\">{Tick(b.Failed)}</td><td class=\"n\">{Tick(b.Running)}</td><td class=\"n\">{Tick(b.Pending)}</td>")
                .Append($"<td class=\"n\">{E(MonitorText.Percent(b.PercentDone / 100))}</td><td class=\"n\">{E(MonitorText.Percent(b.SuccessRate))}</td>")
                .Append($"<td class=\"n\">{E(MonitorText.Number(b.MeanCoverage, "F2"))}</td><td class=\"n\">{Tick(b.Quality.Good)}</td><td class=\"n\">{Tick(b.Quality.Poor)}</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static string Short(string text) => text.Length > 60 ? text[..59] + "…" : text;
}
