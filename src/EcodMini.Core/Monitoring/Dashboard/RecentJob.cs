namespace EcodMini.Core.Monitoring.Dashboard;

/// <summary>A job that finished recently: its outcome, headline numbers and, for a failure, why.</summary>
public sealed record RecentJob(string ProteinId, string BatchName, string Status, DateTimeOffset? EndTime)
{
    public int? DomainCount { get; init; }
    public double? Coverage { get; init; }
    public string? Reason { get; init; }
}
