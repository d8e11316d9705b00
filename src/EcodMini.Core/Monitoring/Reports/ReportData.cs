using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Monitoring.Reading;

namespace EcodMini.Core.Monitoring.Reports;

/// <summary>What a report is computed from: the statistics snapshot, its alerts and the per-job rows.</summary>
internal sealed record ReportData(ProductionStatistics Statistics, IReadOnlyList<ProductionAlert> Alerts, ReportRows Rows);
