using System.Collections;
using System.Management.Automation;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Configuration;
using EcodMini.Core.Execution;
using EcodMini.Core.Model;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Runs chains found by Find-EcodProtein, records every job in the tracking database and emits job objects.</summary>
[Cmdlet(VerbsLifecycle.Submit, "EcodJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(JobRecord))]
public sealed class SubmitEcodJobCommand : EcodConfiguredCmdlet
{
    private readonly List<ProteinTask> _tasks = [];

    [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0)]
    public ProteinTask[] Task { get; set; } = [];

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
    [ArgumentCompleter(typeof(PartitionOptionCompleter))]
    public Hashtable? Option { get; set; }

    protected override void ProcessRecord() => _tasks.AddRange(Task);

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
        if (options is null) return;
        WriteVerbose($"Local executor: {options.ThrottleLimit} chunk(s) at once, up to {options.ChunkSize} chains per chunk, " +
                     $"work folder {options.WorkDirectory}, reference {options.ReferenceDirectory}, output {options.Format}");
        using var tracker = OpenTracker(TrackingDatabase, readOnly: false);
        Execute(tracker, options);
    }

    /// <summary>The configuration's executor options, with this call's parameters on top.</summary>
    private LocalExecutorOptions? BuildOptions()
    {
        var configured = Loaded.ToLocalExecutorOptions();
        var reference = string.IsNullOrEmpty(ReferenceDirectory) ? configured.ReferenceDirectory! : ResolvePath(ReferenceDirectory);
        if (!Directory.Exists(reference))
        {
            Fail(new DirectoryNotFoundException($"{reference}: reference data folder not found (give -ReferenceDirectory or set paths.reference_dir)"),
                "EcodReferenceDataNotFound", ErrorCategory.ObjectNotFound, reference);
            return null;
        }
        return configured with
        {
            ThrottleLimit = ThrottleLimit ?? configured.ThrottleLimit,
            ChunkSize = ChunkSize ?? configured.ChunkSize,
            WorkDirectory = string.IsNullOrEmpty(WorkDirectory) ? configured.WorkDirectory : ResolvePath(WorkDirectory),
            ReferenceDirectory = reference,
            Format = Format,
            PartitionOptions = BindPartitionOptions(configured.PartitionOptions, Option),
        };
    }

    private void Execute(TrackingDatabase tracker, LocalExecutorOptions options)
    {
        var reporter = new ProgressReporter(1, "Running chains on this machine", _tasks.Count);
        ExecutionProgress? latest = null;
        ExecutionResult? result = null;
        using var pump = new PipelinePump();
        var progress = new Progress(p => Volatile.Write(ref latest, p));
        RunStoppable(() => pump.Run(
            token => System.Threading.Tasks.Task.Run(() => result = new LocalExecutor(tracker, options).Run(_tasks, progress, token), token),
            CancellationToken,
            TimeSpan.FromMilliseconds(250),
            () =>
            {
                var p = Volatile.Read(ref latest);
                if (p is not null) WriteProgress(reporter.Build(p.Done, p.Failed, p.CurrentProteinId));
            }));
        WriteProgress(reporter.Completed());
        if (result is null) return;
        Report(result);
        foreach (var job in result.Jobs)
        {
            WriteObject(job);
            if (JobStatus.IsRetryable(job.Status) && job.Error is not null)
            {
                WriteItemError(new InvalidDataException($"{job.ProteinId} ({job.BatchName}): {job.Error}"),
                    "EcodJobFailed", ErrorCategory.InvalidData, job);
            }
        }
        if (result.Cancelled) throw new PipelineStoppedException();
    }

    private void Report(ExecutionResult r)
    {
        if (r.Recovered.Recorded > 0)
            WriteVerbose($"Recovered {r.Recovered.Recorded} result record(s) left by an earlier run and ingested them first");
        WriteVerbose($"{r.Requested} chain(s) requested: {r.SkippedCompleted} already completed (not run again), {r.Submitted} run; " +
                     $"{r.Completed} completed, {r.Failed} failed, {r.NotRun} not run, in {r.Duration.TotalSeconds:N1} s");
        if (r.Failed > 0)
            WriteWarning($"{r.Failed} chain(s) failed; see Get-EcodJobStatus -Status failed");
    }

    private sealed class Progress(Action<ExecutionProgress> report) : IProgress<ExecutionProgress>
    {
        public void Report(ExecutionProgress value) => report(value);
    }
}
