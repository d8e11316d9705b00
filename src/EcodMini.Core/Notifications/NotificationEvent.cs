namespace EcodMini.Core.Notifications;

/// <summary>Why a notification is sent.</summary>
public enum NotificationEvent
{
    /// <summary>Nothing is pending or running any more.</summary>
    RunFinished,
    /// <summary>The run stopped on an error.</summary>
    RunFailed,
    /// <summary>An alert that was off turned on.</summary>
    AlertRaised,
    /// <summary>Send-EcodNotification -Test.</summary>
    Test,
    /// <summary>Send-EcodNotification on a run with work left: its figures now.</summary>
    Status,
}
