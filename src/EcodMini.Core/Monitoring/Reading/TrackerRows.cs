namespace EcodMini.Core.Monitoring.Reading;

/// <summary>A completed job's current result, as the report needs it.</summary>
internal readonly record struct CompletedRow(string BatchName, double? Coverage, int? DomainCount, double? Seconds);

/// <summary>A job that ended without a usable result.</summary>
internal readonly record struct FailedRow(string ProteinId, string BatchName, string Status, string? Error, int RetryCount);

/// <summary>When a job finished and how.</summary>
internal readonly record struct FinishedRow(DateTimeOffset EndTime, bool Completed);

/// <summary>How many jobs of a status have a retry count.</summary>
internal readonly record struct RetryRow(int RetryCount, string Status, int Jobs);

/// <summary>Everything a report reads beyond the statistics, from one read transaction.</summary>
internal sealed record ReportRows(
    IReadOnlyList<CompletedRow> Completed, IReadOnlyList<FailedRow> Failures, IReadOnlyList<FinishedRow> FinishTimes, IReadOnlyList<RetryRow> Retries);
