using System.Collections.Concurrent;
using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Execution;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Cancels submitted or running jobs (scancel for SLURM jobs) and marks them cancelled in the tracking database.</summary>
[Cmdlet(VerbsLifecycle.Stop, "EcodJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = JobSet)]
[OutputType(typeof(JobRecord))]
public sealed class StopEcodJobCommand : EcodConfiguredCmdlet
{
    private const string JobSet = "Job";
    private const string AllSet = "All";
    private readonly List<JobRecord> _jobs = [];
    private readonly ConcurrentQueue<string> _messages = new();

    /// <summary>Jobs from Get-EcodJobStatus.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = JobSet)]
    public JobRecord[] Job { get; set; } = [];

    /// <summary>Every submitted or running job of the tracking database.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    /// <summary>Emit the cancelled jobs.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var job in Job)
        {
            if (JobStatus.IsActive(job.Status)) { _jobs.Add(job); continue; }
            WriteVerbose($"{job.ProteinId} ({job.BatchName}) is {job.Status}: nothing to cancel");
        }
    }

    protected override void EndProcessing()
    {
        using var tracker = OpenTracker(TrackingDatabase, readOnly: false);
        if (All.IsPresent) _jobs.AddRange(tracker.GetJobs(new JobQuery { Statuses = [JobStatus.Submitted, JobStatus.Running] }));
        var chosen = _jobs.Where(j => ShouldProcess($"{j.ProteinId} ({j.BatchName}), executor job {j.JobId ?? "(none)"}", "Cancel")).ToList();
        if (chosen.Count == 0) return;
        var runId = ChunkCoordinator.NewRunId();
        using var launcher = SlurmSession.Poller(this, Loaded, runId, _messages);
        var coordinator = new ChunkCoordinator(tracker, launcher, Loaded.ToExecutionOptions(), runId);
        IReadOnlyList<long> cancelled;
        try
        {
            cancelled = coordinator.Cancel(chosen.Select(j => j.Id).ToList(), "cancelled by Stop-EcodJob", CancellationToken);
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
        var extra = cancelled.Count - chosen.Count(j => cancelled.Contains(j.Id));
        WriteVerbose($"Cancelled {cancelled.Count} job(s)" + (extra > 0 ? $", {extra} of them because they share a chunk (array task) with a chosen job" : ""));
        if (!PassThru.IsPresent) return;
        var ids = cancelled.ToHashSet();
        WriteObject(tracker.GetJobs(new JobQuery { Statuses = [JobStatus.Cancelled] }).Where(j => ids.Contains(j.Id)), enumerateCollection: true);
    }
}
