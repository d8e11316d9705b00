namespace EcodMini.Core.Monitoring.Reports;

/// <summary>Failed jobs that share a status and a reason (the error text without file paths, ids and numbers).</summary>
public sealed record FailureGroup(string Status, string Reason, int Count)
{
    /// <summary>Up to five proteins of the group, as "protein (batch)".</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];
    /// <summary>One full error text of the group, as recorded.</summary>
    public string? SampleMessage { get; init; }
}
