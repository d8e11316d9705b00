using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>Reads over the jobs' error classes (permanent or transient failures).</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>When a chain's summary was last written (null when unknown): a permanent failure is retried after a repair.</summary>
    private static DateTimeOffset? InputChangedAt(string? summaryPath) =>
        summaryPath is not null && File.Exists(summaryPath) ? new DateTimeOffset(File.GetLastWriteTimeUtc(summaryPath), TimeSpan.Zero) : null;

    /// <summary>Failed or timed-out jobs whose error is permanent (user cancellations are never failures; inside a statistics read transaction).</summary>
    private int CountPermanentFailures(SqliteTransaction transaction)
    {
        using var command = Command("SELECT COUNT(*) FROM jobs WHERE status IN ('failed', 'timeout') AND error_class = 'permanent';", transaction);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
