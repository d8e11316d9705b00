namespace EcodMini.Core.Notifications;

/// <summary>What became of one message on one channel: "webhook" or "email", where it went, and the failure if any.</summary>
public sealed record NotificationDelivery(string Channel, string Target, NotificationEvent Event, bool Success, string? Error)
{
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;
}
