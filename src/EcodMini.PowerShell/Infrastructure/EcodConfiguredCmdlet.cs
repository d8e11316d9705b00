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

    /// <summary>Opens the tracking database (parameter, else configuration) and says which journal mode and why.</summary>
    protected TrackingDatabase OpenTracker(string? parameter, bool readOnly)
    {
        var path = TrackerPath(parameter);
        try
        {
            if (!readOnly) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var tracker = TrackingDatabase.Open(path, new TrackingOpenOptions { ReadOnly = readOnly });
            WriteVerbose($"Tracking database {path}: schema v{tracker.SchemaVersion}, journal {tracker.JournalMode} ({tracker.JournalModeReason})");
            return tracker;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not PipelineStoppedException)
        {
            Fail(new IOException($"{path}: cannot open the tracking database: {ex.Message}", ex), "EcodTrackerUnavailable", ErrorCategory.OpenError, path);
            throw;
        }
    }

    /// <summary>The value of a switch when the caller gave it, else the configured value.</summary>
    protected bool SwitchOr(string name, SwitchParameter value, bool configured) =>
        MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : configured;
}
