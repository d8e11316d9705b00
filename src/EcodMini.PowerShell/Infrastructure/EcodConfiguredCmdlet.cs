using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Base for cmdlets that read production settings: <c>-ConfigurationPath</c>, then <c>$env:ECOD_MINI_CONFIG</c>,
/// then <c>./config/production.yml</c>, then built-in defaults. Per-call parameters override file values.
/// </summary>
public abstract class EcodConfiguredCmdlet : EcodCmdlet
{
    private LoadedConfiguration? _loaded;

    /// <summary>Path of a production.yml; see the lookup order.</summary>
    [Parameter]
    public string? ConfigurationPath { get; set; }

    /// <summary>The configuration in effect (loaded on first use; a bad file stops the cmdlet naming the key).</summary>
    protected LoadedConfiguration Loaded => _loaded ??= LoadConfiguration();

    protected EcodConfiguration Settings => Loaded.Configuration;

    private LoadedConfiguration LoadConfiguration()
    {
        var cwd = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
        try
        {
            var loaded = ConfigurationLoader.Load(string.IsNullOrEmpty(ConfigurationPath) ? null : ResolvePath(ConfigurationPath), cwd);
            WriteVerbose(loaded.Source == ConfigurationSource.BuiltInDefaults
                ? "Configuration: built-in defaults (no -ConfigurationPath, no $env:ECOD_MINI_CONFIG, no ./config/production.yml)"
                : $"Configuration: {loaded.FilePath} (from {loaded.Source})");
            return loaded;
        }
        catch (ConfigurationException ex)
        {
            Fail(ex, "EcodConfigurationInvalid", ErrorCategory.InvalidData, ex.ConfigurationPath);
            throw; // unreachable: Fail throws
        }
        catch (FileNotFoundException ex)
        {
            Fail(ex, "EcodConfigurationNotFound", ErrorCategory.ObjectNotFound, ex.FileName);
            throw;
        }
    }

    /// <summary>The tracking database path: the parameter when given, else the configuration's.</summary>
    protected string TrackerPath(string? parameter) =>
        string.IsNullOrEmpty(parameter) ? Loaded.TrackingDatabasePath() : ResolvePath(parameter);

    /// <summary>
    /// Opens the tracking database (parameter, else configuration) and says which journal mode and why. Readers open
    /// it read-only (nothing changes, a read-only folder works). A problem stops the cmdlet with an ErrorId per cause.
    /// </summary>
    protected TrackingDatabase OpenTracker(string? parameter, bool readOnly)
    {
        var path = TrackerPath(parameter);
        try
        {
            var tracker = TrackingDatabase.Open(path, new TrackingOpenOptions { ReadOnly = readOnly });
            WriteVerbose($"Tracking database {path}{(readOnly ? " (read-only)" : "")}: schema v{tracker.SchemaVersion}, journal {tracker.JournalMode} ({tracker.JournalModeReason})");
            if (tracker.MigrationsApplied > 0) WriteVerbose($"Tracking database {path}: migrated by {tracker.MigrationsApplied} schema step(s)");
            return tracker;
        }
        catch (TrackingDatabaseException ex)
        {
            FailTracker(ex);
            throw;
        }
    }

    /// <summary>Stops the cmdlet for a tracking database problem: ErrorId and category by cause, the file as target.</summary>
    protected void FailTracker(TrackingDatabaseException ex)
    {
        var (id, category) = ex.Problem switch
        {
            TrackingProblem.NotATrackingDatabase => ("EcodTrackerNotTrackingDatabase", ErrorCategory.InvalidData),
            TrackingProblem.SchemaOutdated => ("EcodTrackerSchemaOutdated", ErrorCategory.InvalidData),
            TrackingProblem.SchemaTooNew => ("EcodTrackerSchemaTooNew", ErrorCategory.InvalidData),
            TrackingProblem.ReadOnly => ("EcodTrackerReadOnly", ErrorCategory.PermissionDenied),
            TrackingProblem.LeaseHeld => ("EcodTrackerInUse", ErrorCategory.ResourceBusy),
            TrackingProblem.LeaseLost => ("EcodTrackerLeaseLost", ErrorCategory.ResourceUnavailable),
            TrackingProblem.LocksLocalOnly => ("EcodTrackerLocksLocalOnly", ErrorCategory.DeviceError),
            TrackingProblem.UnfinishedTransaction => ("EcodTrackerUnfinishedTransaction", ErrorCategory.ResourceUnavailable),
            TrackingProblem.Locked => ("EcodTrackerLocked", ErrorCategory.ResourceBusy),
            _ => (File.Exists(ex.DatabasePath) ? "EcodTrackerUnavailable" : "EcodTrackerNotFound", File.Exists(ex.DatabasePath) ? ErrorCategory.OpenError : ErrorCategory.ObjectNotFound),
        };
        var record = new ErrorRecord(ex, id, category, ex.DatabasePath);
        // The engine names the owner; the cmdlet names the parameter that waits for it.
        if (ex is TrackerLeaseHeldException held && MyInvocation.MyCommand.Parameters.ContainsKey("WaitForLease"))
            record.ErrorDetails = new ErrorDetails($"{ex.DatabasePath}: the tracking database is in use by {held.Owner.Describe()}. " +
                "Wait for that run to end, or run this again with -WaitForLease to wait for it.");
        ThrowTerminatingError(record);
    }

    /// <summary>The value of a switch when the caller gave it, else the configured value.</summary>
    protected bool SwitchOr(string name, SwitchParameter value, bool configured) =>
        MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : configured;
}
