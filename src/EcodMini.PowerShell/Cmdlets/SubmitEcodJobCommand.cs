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
public sealed partial class SubmitEcodJobCommand : EcodConfiguredCmdlet
{
    private const string TaskSet = "Task";
    private const string JobSet = "Job";
    private readonly List<ProteinTask> _tasks = [];

    [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0, ParameterSetName = TaskSet)]
    public ProteinTask[] Task { get; set; } = [];

    /// <summary>Jobs from Get-EcodJobStatus, submitted again from the inputs the tracker recorded.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = JobSet)]
    public JobRecord[] Job { get; set; } = [];

    /// <summary>Where chains run. Local: this machine's cores (the default when no cluster is configured).</summary>
    [Parameter]
    [ValidateSet("Local")]
    public string? Executor { get; set; }

    [Parameter]
    public string? ReferenceDirectory { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    [Parameter]
    public string? WorkDirectory { get; set; }

    [Parameter]
    [ValidateRange(1, 1024)]
    public int? ThrottleLimit { get; set; }

    [Parameter]
    [ValidateRange(1, 100000)]
    public int? ChunkSize { get; set; }

    [Parameter]
    public OutputFormat Format { get; set; } = OutputFormat.V1;

    [Parameter]
    public Hashtable? Option { get; set; }

    /// <summary>Run the given chains even when completed, deferred by the retry delay or out of retries.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Wait for another run that owns the tracking database to end, instead of stopping.</summary>
    [Parameter]
    public SwitchParameter WaitForLease { get; set; }

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
        var executor = Executor ?? Settings.Execution.Executor;
        if (!string.Equals(executor, "local", StringComparison.OrdinalIgnoreCase))
        {
            Fail(new ArgumentException($"Executor '{executor}' (from the configuration) cannot run here; use -Executor Local"),
                "EcodExecutorUnavailable", ErrorCategory.InvalidArgument, executor);
            return;
        }
        if (_tasks.Count == 0)
        {
            WriteVerbose("No tasks arrived: nothing to submit");
            return;
        }
        if (!ShouldProcess($"{_tasks.Count} chain(s) in {_tasks.Select(t => t.BatchName).Distinct().Count()} batch(es)", "Submit to the local executor"))
            return;

        var options = BuildOptions();
        WriteVerbose($"Local executor: {options.ThrottleLimit} chunk(s) at once, up to {options.ChunkSize} chains per chunk, " +
                     $"work folder {options.WorkDirectory}, reference {options.ReferenceDirectory}, output {options.Format}; " +
                     $"retries: at most {options.Submission.Retry.MaxRetries?.ToString() ?? "unlimited"}, delay {options.Submission.Retry.RetryDelay.TotalSeconds:N0} s doubled per retry" +
                     (Force.IsPresent ? "; -Force: every given chain runs" : ""));
        var launcher = Preflight(options);
        using (launcher)
        {
            using var tracker = OpenTracker(TrackingDatabase, readOnly: false);
            Execute(tracker, launcher, options);
        }
    }

    /// <summary>The configuration's executor options, with this call's parameters on top.</summary>
    private ExecutionOptions BuildOptions()
    {
        var configured = Loaded.ToExecutionOptions();
        return configured with
        {
            ThrottleLimit = ThrottleLimit ?? configured.ThrottleLimit,
            ChunkSize = ChunkSize ?? configured.ChunkSize,
            WorkDirectory = string.IsNullOrEmpty(WorkDirectory) ? configured.WorkDirectory : ResolvePath(WorkDirectory),
            ReferenceDirectory = string.IsNullOrEmpty(ReferenceDirectory) ? configured.ReferenceDirectory : ResolvePath(ReferenceDirectory),
            Format = Format,
            PartitionOptions = BindPartitionOptions(configured.PartitionOptions, Option),
            Submission = configured.Submission with { Force = Force.IsPresent },
            Lease = configured.Lease with { Wait = WaitForLease.IsPresent },
        };
    }

    /// <summary>Checks reference data, work and output folders before anything is marked in the tracker.</summary>
    private ThreadLauncher Preflight(ExecutionOptions options)
    {
        try
        {
            var reference = ExecutionPreflight.Check(options, _tasks, CancellationToken);
            WriteVerbose($"Reference data: {reference.DomainCount} domains on {reference.ChainCount} chains; work and output folders writable");
            return ThreadLauncher.ForPartitioning(reference, options.PartitionOptions, options.Format);
        }
        catch (ExecutionPreflightException ex)
        {
            var (id, category) = ex.Problem switch
            {
                PreflightProblem.ReferenceData => ("EcodReferenceDataInvalid", ErrorCategory.ObjectNotFound),
                PreflightProblem.WorkDirectory => ("EcodWorkDirectoryNotWritable", ErrorCategory.PermissionDenied),
                _ => ("EcodOutputFolderNotWritable", ErrorCategory.PermissionDenied),
            };
            Fail(ex, id, category, ex.FaultPath);
            throw;
        }
    }
}
