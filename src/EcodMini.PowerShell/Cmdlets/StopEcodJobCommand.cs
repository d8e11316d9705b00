using System.Collections.Concurrent;
using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Execution;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Stops exactly the chains asked for, and only those still running: finished ones are collected, whole SLURM tasks
/// holding only chosen chains are cancelled, other chains are skipped by their worker (stop file). Emits the report.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "EcodJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = JobSet)]
[OutputType(typeof(StopReport), typeof(JobRecord))]
public sealed class StopEcodJobCommand : EcodConfiguredCmdlet
{
    private const string JobSet = "Job";
    private const string AllSet = "All";
    private const string ProteinSet = "Protein";
    private readonly List<JobRecord> _jobs = [];
    private readonly ConcurrentQueue<string> _messages = new();

    /// <summary>Jobs from Get-EcodJobStatus.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = JobSet)]
    public JobRecord[] Job { get; set; } = [];

    /// <summary>Every submitted or running job of the tracking database.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>The chains to stop, by protein id (e.g. 1abc_A); with -BatchName only that batch's.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProteinSet, ValueFromPipelineByPropertyName = true)]
    public string[] ProteinId { get; set; } = [];

    [Parameter(ParameterSetName = ProteinSet, ValueFromPipelineByPropertyName = true)]
    public string? BatchName { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    /// <summary>Emit the jobs stopped (now cancelled, or asked to stop) instead of the stop report.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private readonly List<(string Protein, string? Batch)> _proteins = [];

    protected override void ProcessRecord()
    {
        foreach (var id in ProteinId) _proteins.Add((id, BatchName));
        foreach (var job in Job)
        {
            if (JobStatus.IsActive(job.Status)) { _jobs.Add(job); continue; }
            WriteVerbose($"{job.ProteinId} ({job.BatchName}) is {job.Status}: nothing to stop");
        }
    }

    protected override void EndProcessing()
    {
        using var tracker = OpenTracker(TrackingDatabase, readOnly: false);
        var active = new JobQuery { Statuses = [JobStatus.Submitted, JobStatus.Running], Wildcards = false };
        if (All.IsPresent) _jobs.AddRange(tracker.GetJobs(active));
        foreach (var (protein, batch) in _proteins)
        {
            var found = tracker.GetJobs(active with { ProteinId = protein, BatchName = batch });
            if (found.Count == 0) WriteVerbose($"{protein}{(batch is null ? "" : $" ({batch})")}: not submitted or running; nothing to stop");
            _jobs.AddRange(found);
        }
        var chosen = _jobs.DistinctBy(j => j.Id)
            .Where(j => ShouldProcess($"{j.ProteinId} ({j.BatchName}), executor job {j.JobId ?? "(none)"}", "Stop")).ToList();
        if (chosen.Count == 0) return;
        var runId = ChunkCoordinator.NewRunId();
        using var launcher = SlurmSession.Poller(this, Loaded, runId, _messages);
        var coordinator = new ChunkCoordinator(tracker, launcher, Loaded.ToExecutionOptions(), runId);
        StopReport report;
        try
        {
            report = coordinator.Stop(chosen.Select(j => j.Id).ToList(), "cancelled by Stop-EcodJob", CancellationToken, wholeRun: All.IsPresent);
        }
        catch (TrackingDatabaseException ex)
        {
            FailTracker(ex);
            return;
        }
        catch (Exception ex) when (ex is SlurmCommandException or Core.Processes.ProcessStartException)
        {
            Fail(ex, "EcodSlurmCancelFailed", ErrorCategory.ResourceUnavailable, chosen.Count);
            return;
        }
        while (_messages.TryDequeue(out var message)) WriteVerbose(message);
        WriteVerbose(report.Describe());
        if (report.Owner is { } owner && report.Requested.Count > 0)
            WriteWarning($"The tracker is owned by {owner.Describe()}: {report.Requested.Count} chain(s) were asked to stop through the stop file; " +
                         "that run's workers skip each before starting it and it records them as cancelled (a chain already running finishes)");
        if (!PassThru.IsPresent)
        {
            WriteObject(report);
            return;
        }
        var ids = report.Cancelled.Concat(report.Requested).ToHashSet();
        WriteObject(tracker.GetJobs(JobQuery.All).Where(j => ids.Contains(j.Id)), enumerateCollection: true);
    }
}
