using EcodMini.Core.Algorithm;
using EcodMini.Core.Execution;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Configuration;

/// <summary>Turns a loaded configuration into the engine's option records (paths resolved against the working directory).</summary>
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
        };
    }

    public static LocalExecutorOptions ToLocalExecutorOptions(this LoadedConfiguration loaded)
    {
        var c = loaded.Configuration;
        return new LocalExecutorOptions
        {
            WorkDirectory = loaded.ResolvePath(c.Paths.WorkDir),
            ReferenceDirectory = loaded.ResolvePath(c.Paths.ReferenceDir),
            ThrottleLimit = c.Execution.ThrottleLimit ?? Environment.ProcessorCount,
            ChunkSize = c.Execution.ChunkSize,
            PartitionOptions = new PartitionOptions { RequireReferenceLengths = c.Quality.RequireReferenceLengths },
        };
    }

    public static string TrackingDatabasePath(this LoadedConfiguration loaded) => loaded.ResolvePath(loaded.Configuration.Paths.TrackingDb);

    public static TrackingDatabase OpenTracker(this LoadedConfiguration loaded, TrackingOpenOptions? options = null) =>
        TrackingDatabase.Open(loaded.TrackingDatabasePath(), options);
}
