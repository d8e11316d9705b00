using System.Management.Automation;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Reports jobs from the tracking database, filtered by status, batch or protein; or a chain's history and results.</summary>
[Cmdlet(VerbsCommon.Get, "EcodJobStatus", DefaultParameterSetName = "Jobs")]
[OutputType(typeof(JobRecord), ParameterSetName = ["Jobs"])]
[OutputType(typeof(JobEvent), ParameterSetName = ["History"])]
[OutputType(typeof(StoredResult), ParameterSetName = ["Result"])]
public sealed partial class GetEcodJobStatusCommand : EcodConfiguredCmdlet
{
    private TrackingDatabase? _tracker;
    private readonly List<(string ProteinId, string? BatchName)> _piped = [];

    [Parameter(ParameterSetName = "Jobs")]
    [ValidateSet("pending", "submitted", "running", "completed", "failed", "timeout", "cancelled", "unknown")]
    public string[]? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(TrackedBatchNameCompleter))]
    public string? BatchName { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(TrackedProteinIdCompleter))]
    public string? ProteinId { get; set; }

    [Parameter(ParameterSetName = "Jobs")]
    [ValidateRange(1, int.MaxValue)]
    public int? First { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "History")]
    public SwitchParameter History { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "Result")]
    public SwitchParameter Result { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    /// <summary>Opened at first use, so a pipeline stopped upstream (or with no input) never opens, or creates, the tracker.</summary>
    private TrackingDatabase? Tracker =>
        _tracker ??= Refresh.IsPresent || Wait.IsPresent ? OpenForRefresh() : OpenTracker(TrackingDatabase, readOnly: true);

    protected override void ProcessRecord()
    {
        if ((Refresh.IsPresent || Wait.IsPresent) && MyInvocation.ExpectingInput)
        {
            // Piped jobs (Submit-EcodJob | Get-EcodJobStatus -Wait): one wait over all of them once the input has ended.
            if (!string.IsNullOrEmpty(ProteinId)) _piped.Add((ProteinId, BatchName));
            return;
        }
        if (Tracker is not { } tracker) return;
        if (History.IsPresent || Result.IsPresent)
        {
            if (string.IsNullOrEmpty(ProteinId))
            {
                WriteItemError(new ArgumentException("-History and -Result need a -ProteinId (or piped objects with a ProteinId)"),
                    "EcodProteinIdRequired", ErrorCategory.InvalidArgument, null);
                return;
            }
            foreach (var (protein, batch) in Chains(tracker))
            {
                if (History.IsPresent) WriteObject(tracker.GetEvents(protein, batch), enumerateCollection: true);
                else WriteObject(tracker.GetResults(protein).Where(r => batch is null || r.BatchName == batch), enumerateCollection: true);
            }
            return;
        }
        var query = new JobQuery
        {
            Statuses = Status?.Select(s => s.ToLowerInvariant()).ToList(),
            BatchName = BatchName,
            ProteinId = ProteinId,
            Limit = First,
        };
        if (Refresh.IsPresent || Wait.IsPresent) { RefreshAndWait(tracker, query); return; }
        WriteObject(tracker.GetJobs(query), enumerateCollection: true);
    }

    /// <summary>
    /// The chains -History and -Result report on: the one named, or, when -ProteinId or -BatchName holds a wildcard,
    /// every tracked chain they match (in batch, then protein order).
    /// </summary>
    private IEnumerable<(string Protein, string? Batch)> Chains(TrackingDatabase tracker)
    {
        if (!JobQuery.IsPattern(ProteinId) && !JobQuery.IsPattern(BatchName)) return [(ProteinId!, BatchName)];
        var jobs = tracker.GetJobs(new JobQuery { ProteinId = ProteinId, BatchName = BatchName });
        WriteVerbose($"'{ProteinId}'{(BatchName is null ? "" : $" in batch '{BatchName}'")} matches {jobs.Count} tracked chain(s)");
        return jobs.Select(j => (j.ProteinId, (string?)j.BatchName));
    }

    protected override void EndProcessing()
    {
        if (_piped.Count == 0 || Tracker is not { } tracker) return;
        WriteVerbose($"{_piped.Count} piped job(s): refreshing{(Wait.IsPresent ? " and waiting for" : "")} them together");
        RefreshAndWait(tracker, new JobQuery { Statuses = Status?.Select(s => s.ToLowerInvariant()).ToList(), Limit = First }, new PipedSelection(_piped));
    }

    protected override void ReleaseResources()
    {
        _tracker?.Dispose();
        _notifications?.Dispose();
    }
}
