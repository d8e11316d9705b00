using System.Collections;
using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Execution;
using EcodMini.Core.Model;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Runs chains found by Find-EcodProtein (or jobs from Get-EcodJobStatus), records every attempt in the tracking database and emits job objects.</summary>
[Cmdlet(VerbsLifecycle.Submit, "EcodJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = TaskSet)]
[OutputType(typeof(JobRecord))]
public sealed class SubmitEcodJobCommand : JobRunCmdlet
{
    private const string TaskSet = "Task";
    private const string JobSet = "Job";
    private readonly List<ProteinTask> _tasks = [];

    [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0, ParameterSetName = TaskSet)]
    public ProteinTask[] Task { get; set; } = [];

    /// <summary>Jobs from Get-EcodJobStatus, submitted again from the inputs the tracker recorded.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = JobSet)]
    public JobRecord[] Job { get; set; } = [];

    [Parameter]
    [ValidateRange(1, 1024)]
    public int? ThrottleLimit { get; set; }

    /// <summary>With -Executor Slurm, the array tasks (or per-protein jobs) running at once, instead of slurm.max_concurrent_jobs.</summary>
    protected override int? SlurmConcurrency => ThrottleLimit;

    [Parameter]
    public OutputFormat Format { get; set; } = OutputFormat.V1;

    [Parameter]
    [ArgumentCompleter(typeof(PartitionOptionCompleter))]
    public Hashtable? Option { get; set; }

    /// <summary>Run the given chains even when completed, deferred by the retry delay or out of retries.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == TaskSet)
        {
            _tasks.AddRange(Task);
            return;
        }
        var batchRoot = Loaded.ToScanOptions().BatchRoot;
        foreach (var job in Job)
        {
            try { _tasks.Add(JobTaskResolver.ToTask(job, batchRoot, Settings.Processing.ReferenceVersion)); }
            catch (InputFileException ex) { WriteItemError(ex, "EcodJobInputNotFound", ErrorCategory.ObjectNotFound, job); }
        }
    }

    protected override void EndProcessing()
    {
        if (_tasks.Count == 0)
        {
            WriteVerbose("No tasks arrived: nothing to submit");
            return;
        }
        var options = BuildOptions(o => o with
        {
            ThrottleLimit = ThrottleLimit ?? o.ThrottleLimit,
            Format = Format,
            PartitionOptions = BindPartitionOptions(o.PartitionOptions, Option),
            Submission = o.Submission with { Force = Force.IsPresent },
        });
        var runId = ChunkCoordinator.NewRunId();
        if (!ConfirmRun(_tasks, options, runId)) return;
        WriteVerbose($"{(UsesSlurm ? "SLURM" : "Local")} executor: {(UsesSlurm ? "" : $"{options.ThrottleLimit} chunk(s) at once, ")}up to {options.ChunkSize} chains per chunk, " +
                     $"work folder {options.WorkDirectory}, reference {options.ReferenceDirectory}, output {options.Format}; " +
                     $"retries: at most {options.Submission.Retry.MaxRetries?.ToString() ?? "unlimited"}, delay {options.Submission.Retry.RetryDelay.TotalSeconds:N0} s doubled per retry" +
                     (Force.IsPresent ? "; -Force: every given chain runs" : ""));
        CheckCluster(runId);
        var reference = Preflight(options, _tasks);
        using var launcher = CreateLauncher(options, reference, runId);
        using var tracker = OpenTracker(TrackingDatabase, readOnly: false);
        Execute(tracker, launcher, options, _tasks, runId);
        if (UsesSlurm) RecordEstimate(tracker, runId, Estimate);
    }
}
