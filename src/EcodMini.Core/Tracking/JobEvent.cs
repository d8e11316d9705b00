namespace EcodMini.Core.Tracking;

/// <summary>One status transition of a job (the retry history), with the attempt it concerns when there is one.</summary>
public sealed record JobEvent(
    long Id, string ProteinId, string BatchName, string? JobId, string? FromStatus, string ToStatus,
    DateTimeOffset Time, int RetryCount, string? Detail, long? AttemptId = null);
