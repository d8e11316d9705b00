namespace EcodMini.Core.Monitoring.Reports;

/// <summary>Jobs by how often they were resubmitted, and what became of them.</summary>
public sealed record RetryLevel(int RetryCount, int Jobs, int Completed, int Failed);

/// <summary>Retries across the run: total resubmissions, jobs retried, and how many of those completed in the end.</summary>
public sealed record RetrySummary(int TotalRetries, int JobsRetried, int RetriedThenCompleted, IReadOnlyList<RetryLevel> Levels);
