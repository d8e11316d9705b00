namespace EcodMini.Core.Tracking;

/// <summary>One row of the attempts table with its chain: where and how one start of a chain ran, and how it ended.</summary>
public sealed record AttemptRecord : AttemptIdentity
{
    public required string Status { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? Detail { get; init; }
}
