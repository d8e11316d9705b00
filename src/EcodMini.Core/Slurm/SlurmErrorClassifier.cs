using EcodMini.Core.Processes;

namespace EcodMini.Core.Slurm;

/// <summary>Sorts SLURM command failures by their messages (as SLURM 22.05 prints them). Pure and thread-safe.</summary>
public static class SlurmErrorClassifier
{
    private static readonly string[] AccountingMarkers =
    [
        "accounting storage is disabled", "Problem talking to the database", "slurmdbd", "persistent connection",
    ];

    private static readonly string[] TransientMarkers =
    [
        "Socket timed out", "Unable to contact slurm controller", "slurm_receive_msg", "Zero Bytes were transmitted",
        "Connection timed out", "temporarily unable to accept job", "Resource temporarily unavailable",
        "not responding", "Transport endpoint is not connected", "Connection reset by peer", "Connection refused",
        "Slurmctld is busy", "Communication connection failure", "Job submit/allocate failed: Slurm backup controller in standby mode",
    ];

    public static SlurmErrorKind Classify(ProcessResult result)
    {
        if (result.TimedOut) return SlurmErrorKind.Transient;
        var text = result.StandardError + "\n" + result.StandardOutput;
        if (AccountingMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase))) return SlurmErrorKind.AccountingUnavailable;
        if (TransientMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase))) return SlurmErrorKind.Transient;
        return SlurmErrorKind.Permanent;
    }
}
