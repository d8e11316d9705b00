using EcodMini.Core.Algorithm;
using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Configuration;

/// <summary>Turns a loaded configuration into the engine's option records (relative paths resolved against the configuration file's folder).</summary>
public static class LoadedConfigurationExtensions
{
    public static ScanOptions ToScanOptions(this LoadedConfiguration loaded, TrackingDatabase? tracker = null)
    {
        var c = loaded.Configuration;
        return new ScanOptions
        {
            BatchRoot = loaded.ResolvePath(c.Paths.BatchBaseDir),
            Pattern = c.Processing.BatchPattern,
            RepsOnly = c.Processing.RepsOnly,
            SkipExisting = c.Processing.SkipExisting,
            ReferenceVersion = c.Processing.ReferenceVersion,
            TrackingDatabase = tracker,
            Retry = loaded.ToRetryPolicy(),
            ReferenceDirectory = loaded.ResolvePath(c.Paths.ReferenceDir),
            PartitionOptions = loaded.ToPartitionOptions(),
        };
    }

    /// <summary>The partitioning options production runs use (defaults plus quality.require_reference_lengths).</summary>
    public static PartitionOptions ToPartitionOptions(this LoadedConfiguration loaded) =>
        new() { RequireReferenceLengths = loaded.Configuration.Quality.RequireReferenceLengths };

    /// <summary>processing.max_retries and processing.retry_delay (seconds, doubled per retry).</summary>
    public static RetryPolicy ToRetryPolicy(this LoadedConfiguration loaded) => new()
    {
        MaxRetries = loaded.Configuration.Processing.MaxRetries,
        RetryDelay = TimeSpan.FromSeconds(loaded.Configuration.Processing.RetryDelay),
    };

    public static ExecutionOptions ToExecutionOptions(this LoadedConfiguration loaded)
    {
        var c = loaded.Configuration;
        return new ExecutionOptions
        {
            WorkDirectory = loaded.WorkDirectoryPath(),
            LogDirectory = loaded.LogDirectoryPath(),
            ReferenceDirectory = loaded.ResolvePath(c.Paths.ReferenceDir),
            ThrottleLimit = c.Execution.ThrottleLimit ?? Environment.ProcessorCount,
            ChunkSize = c.Execution.ChunkSize,
            PartitionOptions = loaded.ToPartitionOptions(),
            Submission = new SubmissionRules { Retry = loaded.ToRetryPolicy() },
            Lease = new LeaseOptions { StaleAfter = TimeSpan.FromSeconds(c.Execution.LeaseTimeout), HeartbeatInterval = c.Execution.EffectiveHeartbeat },
            KeepWorkFiles = c.Execution.KeepWorkFiles,
        };
    }

    public static string TrackingDatabasePath(this LoadedConfiguration loaded) => loaded.ResolveStatePath(loaded.Configuration.Paths.TrackingDb);

    public static TrackingDatabase OpenTracker(this LoadedConfiguration loaded, TrackingOpenOptions? options = null) =>
        TrackingDatabase.Open(loaded.TrackingDatabasePath(), options);
}
