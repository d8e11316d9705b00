using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Monitoring.Reading;

namespace EcodMini.Core.Monitoring.Reports;

/// <summary>What a report is computed from, as read from the tracker in one go.</summary>
internal sealed record ReportData
{
    public required ProductionStatistics Statistics { get; init; }
    public IReadOnlyList<ProductionAlert> Alerts { get; init; } = [];
    public IReadOnlyList<BatchProgress> Batches { get; init; } = [];
    public IReadOnlyList<CompletedRow> Completed { get; init; } = [];
    public IReadOnlyList<FailedRow> Failures { get; init; } = [];
    public IReadOnlyList<FinishedRow> FinishTimes { get; init; } = [];
    public IReadOnlyList<RetryRow> Retries { get; init; } = [];
}
