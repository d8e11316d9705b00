using System.Text.Json;
using System.Text.RegularExpressions;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Monitoring.Reports;
using EcodMini.Core.Monitoring.Reports.Html;
using static EcodMini.Core.Tests.Monitoring.MonitoringTestData;

namespace EcodMini.Core.Tests.Monitoring.Reports;

public class ReportWriterTests
{
    private static ProductionReport Report(TempFolder temp)
    {
        using var db = BuildRun(temp.File("t.db"));
        return Monitor(db).Report();
    }

    [Fact]
    public void JsonHasEverySectionWithItsFigures()
    {
        using var temp = new TempFolder();
        var path = temp.File("report.json");
        ReportJsonWriter.Write(Report(temp), path);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;

        Assert.Equal(["format", "generatedAt", "trackingDatabase", "statistics", "timing", "coverage", "domainCount", "failures",
            "retries", "throughput", "alerts", "resources", "costs", "comparison", "comparisonChanges", "failureRate"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ecodmini-production-report/1", root.GetProperty("format").GetString());
        Assert.Equal("2026-03-01T10:00:00+00:00", root.GetProperty("generatedAt").GetString());
        var stats = root.GetProperty("statistics");
        Assert.Equal((14, 8, 3), (stats.GetProperty("total").GetInt32(), stats.GetProperty("completed").GetInt32(), stats.GetProperty("failed").GetInt32()));
        Assert.Equal(JsonValueKind.Number, stats.GetProperty("estimatedRemainingSeconds").ValueKind);
        Assert.Equal(2.5, root.GetProperty("timing").GetProperty("p50Seconds").GetDouble());
        Assert.Equal(10, root.GetProperty("coverage").GetProperty("bins").GetArrayLength());
        var open = root.GetProperty("domainCount").GetProperty("bins").EnumerateArray().Last();
        Assert.Equal(("8+", JsonValueKind.Null), (open.GetProperty("label").GetString(), open.GetProperty("upper").ValueKind));
        var failure = root.GetProperty("failures")[0];
        Assert.Equal(("failed", 2), (failure.GetProperty("status").GetString(), failure.GetProperty("count").GetInt32()));
        Assert.Equal(1, root.GetProperty("retries").GetProperty("retriedThenCompleted").GetInt32());
        Assert.Equal(BatchA, stats.GetProperty("batches")[0].GetProperty("batchName").GetString());
        Assert.Equal("6a06_A", stats.GetProperty("recentCompletions")[0].GetProperty("proteinId").GetString());
        Assert.Equal(300, root.GetProperty("throughput").GetProperty("bucketSeconds").GetDouble());
        Assert.Equal("HighFailureRate", root.GetProperty("alerts")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void HtmlIsSelfContainedWithEveryChartDrawn()
    {
        using var temp = new TempFolder();
        var html = HtmlReportWriter.ToHtml(Report(temp));

        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        foreach (var chart in new[] { "status", "throughput", "quality", "coverage", "domains", "failures", "batches" })
        {
            var svg = Regex.Match(html, $"<svg class=\"chart-svg\" data-chart=\"{chart}\".*?</svg>", RegexOptions.Singleline);
            Assert.True(svg.Success, $"chart {chart} missing");
            Assert.Matches("<(rect|polyline)[^>]*(width=\"[1-9]|points=)", svg.Value);
        }
        Assert.Contains("no usable hit, every hit is malformed", html);
        Assert.Contains("@media print", html);
        Assert.Contains(BatchB, html);
    }

    [Fact]
    public void HtmlEscapesTextFromTheTracker()
    {
        using var temp = new TempFolder();
        var report = Report(temp);
        report = report with { Failures = [new FailureGroup("failed", "<img src=x onerror=alert(1)>", 1) { Examples = ["a&b"] }] };
        var html = HtmlReportWriter.ToHtml(report);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void FormatFollowsTheFileExtension()
    {
        Assert.Equal(ReportFormat.Json, ReportFile.FormatOf("/x/r.JSON"));
        Assert.Equal(ReportFormat.Html, ReportFile.FormatOf("r.htm"));
        Assert.Null(ReportFile.FormatOf("r.pdf"));
    }

    [Theory]
    [InlineData("/data/b/1abc_A.xml: no usable hit, every hit is malformed (first: hit 3)", "no usable hit, every hit is malformed")]
    [InlineData("Summary file not found: /data/batch/domains/2xyz_B.domain_summary.xml", "Summary file not found: <path>")]
    [InlineData("chain 1abc_A has 1234 residues, over 999", "chain <id> has # residues, over #")]
    [InlineData(null, "no error recorded")]
    public void FailureReasonsDropPathsIdsAndNumbers(string? error, string reason) =>
        Assert.Equal(reason, FailureReasons.Key("failed", error));

    [Fact]
    public void PercentilesInterpolateBetweenRanks()
    {
        Assert.Equal(new TimingSummary(0, 0, 0, 0, 0), TimingSummary.Of([]));
        var t = TimingSummary.Of([4, 1, 3, 2]);
        Assert.Equal((2.5, 2.5, 3.85, 4.0), (t.MeanSeconds, t.P50Seconds, Math.Round(t.P95Seconds, 6), t.MaxSeconds));
    }

    [Theory]
    [InlineData(30, 1)]
    [InlineData(59, 1)]
    [InlineData(60, 5)]
    [InlineData(60 * 48, 60)]
    [InlineData(60 * 24 * 30, 60 * 24)]
    public void ThroughputBucketsKeepARunUnderSixtyPoints(int minutes, int bucketMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(bucketMinutes), ThroughputSeries.ChooseBucket(TimeSpan.FromMinutes(minutes)));
}
