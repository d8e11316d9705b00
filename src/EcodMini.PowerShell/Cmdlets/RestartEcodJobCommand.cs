using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Execution;
using EcodMini.Core.Model;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Resubmits failed, timed-out or cancelled jobs within processing.max_retries and the retry delay; jobs that ended
/// TIMEOUT get more time and OUT_OF_MEMORY more memory (slurm.restart_factor per retry). Never resubmits a success.
/// </summary>
[Cmdlet(VerbsLifecycle.Restart, "EcodJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = JobSet)]
[OutputType(typeof(JobRecord))]
public sealed class RestartEcodJobCommand : JobRunCmdlet
{
    private const string JobSet = "Job";
    private const string StatusSet = "Status";
    private readonly List<JobRecord> _jobs = [];

    /// <summary>Jobs from Get-EcodJobStatus.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = JobSet)]
    public JobRecord[] Job { get; set; } = [];

    /// <summary>Every job of the tracking database in these states.</summary>
    [Parameter(Mandatory = true, ParameterSetName = StatusSet)]
    [ValidateSet("failed", "timeout", "cancelled")]
    public string[] Status { get; set; } = [];

    /// <summary>Multiplier for time (TIMEOUT) or memory (OUT_OF_MEMORY) per retry; default slurm.restart_factor.</summary>
    [Parameter]
    [ValidateRange(1.0, 100.0)]
    public double? ResourceFactor { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var job in Job)
        {
            if (JobStatus.IsRetryable(job.Status)) { _jobs.Add(job); continue; }
            WriteVerbose($"{job.ProteinId} ({job.BatchName}) is {job.Status}: not restarted");
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == StatusSet)
        {
            using var reader = OpenTracker(TrackingDatabase, readOnly: true);
            _jobs.AddRange(reader.GetJobs(new JobQuery { Statuses = Status }));
        }
        if (_jobs.Count == 0) { WriteVerbose("No failed, timed-out or cancelled job given: nothing to restart"); return; }
        if (Executor is null && _jobs.All(j => j.JobId is not null && Core.Slurm.SlurmClient.IsTaskId(j.JobId)))
        {
            Executor = "Slurm";
            WriteVerbose("The jobs last ran on SLURM: restarting them there (-Executor chooses otherwise)");
        }
        var factor = ResourceFactor ?? Settings.Slurm.RestartFactor;
        // Separate submissions: more time for time-outs, more memory for out-of-memory ends, unchanged for the rest.
        var groups = _jobs.DistinctBy(j => j.Id).GroupBy(j => j.Status == JobStatus.Timeout || (j.Error?.Contains("TIMEOUT", StringComparison.Ordinal) ?? false) ? "time"
            : j.Error?.Contains("OUT_OF_MEMORY", StringComparison.Ordinal) ?? false ? "memory" : "same");
        var batchRoot = Loaded.ToScanOptions().BatchRoot;
        foreach (var group in groups)
        {
            var tasks = new List<ProteinTask>();
            foreach (var job in group)
            {
                try { tasks.Add(JobTaskResolver.ToTask(job, batchRoot, Settings.Processing.ReferenceVersion)); }
                catch (InputFileException ex) { WriteItemError(ex, "EcodJobInputNotFound", ErrorCategory.ObjectNotFound, job); }
            }
            if (tasks.Count == 0) continue;
            var options = BuildOptions();
            var runId = ChunkCoordinator.NewRunId();
            // The raise compounds per retry: the n-th retry runs with factor^n.
            var scale = Math.Pow(factor, Math.Max(1, group.Max(j => j.RetryCount) + 1));
            if (group.Key != "same")
                WriteVerbose($"{tasks.Count} job(s) ended {(group.Key == "time" ? "TIMEOUT" : "OUT_OF_MEMORY")}: their {group.Key} is raised x{scale:0.##}");
            if (!ConfirmRun(tasks, options, runId, scale, raiseTime: group.Key == "time", raiseMemory: group.Key == "memory")) continue;
            var reference = Preflight(options, tasks);
            using var launcher = CreateLauncher(options, reference, runId, scale, raiseTime: group.Key == "time", raiseMemory: group.Key == "memory");
            using var tracker = OpenTracker(TrackingDatabase, readOnly: false);
            Execute(tracker, launcher, options, tasks, runId);
            if (UsesSlurm) RecordEstimate(tracker, runId, Estimate);
        }
    }
}
