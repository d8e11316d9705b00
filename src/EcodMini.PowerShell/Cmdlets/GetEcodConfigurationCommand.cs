using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Shows the production configuration in effect and where it came from; with -TrackerStorage, where the tracking
/// database really lives (real path, mount, options), the journal mode chosen for it and why, and whether writers refuse it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EcodConfiguration", DefaultParameterSetName = "Configuration")]
[OutputType(typeof(LoadedConfiguration), ParameterSetName = ["Configuration"])]
[OutputType(typeof(JournalModeChoice), ParameterSetName = ["TrackerStorage"])]
public sealed class GetEcodConfigurationCommand : EcodConfiguredCmdlet
{
    /// <summary>Show the tracking database's storage diagnosis instead of the settings.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "TrackerStorage")]
    public SwitchParameter TrackerStorage { get; set; }

    /// <summary>The tracking database to diagnose (default: the configuration's paths.tracking_db).</summary>
    [Parameter(ParameterSetName = "TrackerStorage")]
    public string? TrackingDatabase { get; set; }

    protected override void EndProcessing()
    {
        if (!TrackerStorage.IsPresent)
        {
            WriteObject(Loaded);
            return;
        }
        var choice = Core.Tracking.TrackingDatabase.ChooseJournal(TrackerPath(TrackingDatabase));
        WriteVerbose(choice.Reason);
        if (choice.LockProblem is { } problem) WriteWarning($"Writers refuse this tracking database: {problem}");
        WriteObject(choice);
    }
}
