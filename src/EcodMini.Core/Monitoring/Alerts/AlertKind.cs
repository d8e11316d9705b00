namespace EcodMini.Core.Monitoring.Alerts;

/// <summary>What an alert is about (one per condition of the production design's "Alerts" list, plus the lease).</summary>
public enum AlertKind
{
    /// <summary>Failed, timed-out or cancelled jobs above the limit of finished jobs.</summary>
    HighFailureRate,
    /// <summary>Fewer proteins per hour than the limit while work remains.</summary>
    SlowProgress,
    /// <summary>Poor-quality results above the limit of completed chains.</summary>
    LowQuality,
    /// <summary>Jobs that ended out of memory or out of time.</summary>
    ResourceExhausted,
    /// <summary>Free space on an output file system below the limit.</summary>
    LowDiskSpace,
    /// <summary>The run holding the tracker's lease has stopped renewing its heartbeat.</summary>
    StaleLease,
}
