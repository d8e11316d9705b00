using EcodMini.Core.Tracking;

namespace EcodMini.Core.Monitoring;

/// <summary>The raw figures the tracker reads for a snapshot (one read transaction); the calculator does the arithmetic.</summary>
internal sealed record StatisticsReading
{
    public required IReadOnlyList<(string Batch, string Status, int Count)> StatusCounts { get; init; }
    public required IReadOnlyList<BatchQualityRow> Quality { get; init; }
    public int FinishedTotal { get; init; }
    /// <summary>Failed, timed-out or cancelled jobs whose error is permanent.</summary>
    public int PermanentFailures { get; init; }
    public DateTimeOffset? FirstStart { get; init; }
    public DateTimeOffset? LastEnd { get; init; }
    public DateTimeOffset? LastCompletion { get; init; }
    public string? RunId { get; init; }
    public DateTimeOffset? RunStartedAt { get; init; }
    public TimeSpan Window { get; init; }
    public int FinishedInWindow { get; init; }
    public TrackerLease? ActiveRun { get; init; }
    public IReadOnlyList<JobRecord> RecentCompletions { get; init; } = [];
    public IReadOnlyList<JobRecord> RecentFailures { get; init; } = [];
    public DateTimeOffset Now { get; init; }
}

/// <summary>Sums over a batch's completed chains (their current results).</summary>
internal sealed record BatchQualityRow(string Batch, int Count, double CoverageSum, double DomainSum, double SecondsSum, int Good, int Questionable, int Poor);
