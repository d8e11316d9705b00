using System.Globalization;
using System.Text;
using EcodMini.Core.Costs;
using EcodMini.Core.RunComparison;
using static EcodMini.Core.Monitoring.Reports.Html.Svg;

namespace EcodMini.Core.Monitoring.Reports.Html;

/// <summary>The report's provenance sections: SLURM resources with recommendations, estimate against actual, a run comparison.</summary>
internal static class ProvenanceTables
{
    /// <summary>At most this many changed chains are listed (all are counted).</summary>
    public const int MaxListedChanges = 200;

    public static void AppendResources(StringBuilder html, ResourceReport? resources)
    {
        if (resources is null) return;
        html.Append("<h2>SLURM resources</h2>");
        if (resources.Tasks == 0) { html.Append("<p class=\"none\">").Append(E(resources.Describe())).Append("</p>"); return; }
        html.Append($"<p>{resources.Tasks} task(s), {resources.Chains} chain(s). Recommended <code>slurm.memory</code>: <b>{E(resources.RecommendedMemory ?? "-")}</b>, ")
            .Append($"<code>slurm.time</code>: <b>{E(resources.RecommendedTime ?? "-")}</b> (max peak memory + 25%; max elapsed x 1.5).</p>");
        html.Append("<table><tr><th>measure</th><th class=\"n\">p50</th><th class=\"n\">p95</th><th class=\"n\">max</th></tr>");
        foreach (var (name, p) in new[] { ("MaxRSS (MB)", resources.MaxRssMegabytes), ("Elapsed (min)", resources.ElapsedMinutes), ("TotalCPU (min)", resources.CpuMinutes) })
            html.Append($"<tr><td>{E(name)}</td><td class=\"n\">{F(p.P50)}</td><td class=\"n\">{F(p.P95)}</td><td class=\"n\">{F(p.Max)}</td></tr>");
        html.Append("</table>\n");
    }

    public static void AppendCosts(StringBuilder html, IReadOnlyList<RunCost> costs)
    {
        if (costs.Count == 0) return;
        html.Append("<h2>Estimated against actual</h2><table><tr><th>run</th><th class=\"n\">chains</th><th class=\"n\">finished</th>")
            .Append("<th class=\"n\">est. core-h</th><th class=\"n\">core-h</th><th class=\"n\">est. wall</th><th class=\"n\">wall</th><th>source</th></tr>");
        foreach (var c in costs)
        {
            html.Append($"<tr><td>{E(c.RunId)}</td><td class=\"n\">{c.Estimate.Chains}</td><td class=\"n\">{c.ChainsFinished}</td>")
                .Append($"<td class=\"n\">{F(c.Estimate.CoreHours)}</td><td class=\"n\">{(c.ActualCoreHours is { } a ? F(a) : "-")}</td>")
                .Append($"<td class=\"n\">{E(RunEstimate.Format(c.Estimate.WallTime))}</td><td class=\"n\">{(c.ActualWallTime is { } w ? E(RunEstimate.Format(w)) : "-")}</td>")
                .Append($"<td>{E(c.ActualSource ?? "-")}</td></tr>");
        }
        html.Append("</table>\n");
    }

    public static void AppendComparison(StringBuilder html, RunComparisonSummary? summary, IReadOnlyList<ChainChange> changes)
    {
        if (summary is null) return;
        html.Append("<h2>Run comparison</h2><p>").Append(E(summary.Describe())).Append("</p>");
        if (changes.Count == 0) return;
        html.Append("<table><tr><th>chain</th><th>batch</th><th>change</th><th class=\"n\">domains</th><th class=\"n\">largest shift</th><th>quality</th><th>ranges before &rarr; after</th></tr>");
        foreach (var c in changes.Take(MaxListedChanges))
        {
            html.Append($"<tr><td>{E(c.ProteinId)}</td><td>{E(c.BatchName)}</td><td>{E(string.Join(", ", c.Changes))}</td>")
                .Append($"<td class=\"n\">{c.DomainsBefore?.ToString(CultureInfo.InvariantCulture) ?? "-"} &rarr; {c.DomainsAfter?.ToString(CultureInfo.InvariantCulture) ?? "-"}</td>")
                .Append($"<td class=\"n\">{c.LargestShift?.ToString(CultureInfo.InvariantCulture) ?? "-"}</td><td>{E(c.QualityBefore ?? "-")} &rarr; {E(c.QualityAfter ?? "-")}</td>")
                .Append($"<td class=\"wrap\">{E(c.RangesBefore ?? "-")} &rarr; {E(c.RangesAfter ?? "-")}</td></tr>");
        }
        html.Append("</table>");
        if (changes.Count > MaxListedChanges) html.Append($"<p class=\"meta\">{changes.Count - MaxListedChanges} more changed chain(s) not listed.</p>");
        html.Append('\n');
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
