namespace EcodMini.Core.Monitoring.Reports.Html;

/// <summary>One bar or segment of a chart: its label, value and the CSS class that colours it.</summary>
internal readonly record struct ChartItem(string Label, double Value, string CssClass = "bar");
