using System.Management.Automation;
using EcodMini.Core.JobLogs;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Shows what was logged about chains: per chain, the SLURM job or array task id, node, exit code and state, the job's
/// stdout/stderr paths and text, and the engine's lines for the chain (local runs: the run log's lines). Chains come
/// piped (jobs from Get-EcodJobStatus or Submit-EcodJob), by -ProteinId, or by -JobId (a SLURM job, array task or
/// local chunk id).
/// </summary>
[Cmdlet(VerbsCommon.Get, "EcodJobLog", DefaultParameterSetName = ProteinSet)]
[OutputType(typeof(JobLog))]
public sealed class GetEcodJobLogCommand : EcodConfiguredCmdlet
{
    private const string ProteinSet = "Protein";
    private const string JobSet = "JobRecord";
    private const string JobIdSet = "JobId";
    private TrackingDatabase? _tracker;
    private SlurmClient? _slurm;

    /// <summary>Jobs from Get-EcodJobStatus, Submit-EcodJob or Restart-EcodJob.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = JobSet)]
    public JobRecord[] Job { get; set; } = [];

    /// <summary>The chain(s); wildcards match tracked chains.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ProteinSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(TrackedProteinIdCompleter))]
    public string[] ProteinId { get; set; } = [];

    /// <summary>Only chains of this batch.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ProteinSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(TrackedBatchNameCompleter))]
    public string? BatchName { get; set; }

    /// <summary>A SLURM job id (every chain of the job or array), an array task id (123_4), or a local chunk or worker id.</summary>
    [Parameter(Mandatory = true, ParameterSetName = JobIdSet)]
    public string[] JobId { get; set; } = [];

    /// <summary>Keep only the last N lines of stdout and stderr (the engine's lines for the chain are always complete).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Tail { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    private TrackingDatabase Tracker => _tracker ??= OpenTracker(TrackingDatabase, readOnly: true);

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case JobSet:
                foreach (var job in Job) Emit(Tracker.GetJob(job.ProteinId, job.BatchName) ?? job, null);
                break;
            case ProteinSet:
                foreach (var protein in ProteinId)
                {
                    var jobs = Tracker.GetJobs(new JobQuery { ProteinId = protein, BatchName = BatchName });
                    if (jobs.Count == 0) NotFound($"no tracked chain matches '{protein}'{(BatchName is null ? "" : $" in batch '{BatchName}'")}", protein);
                    foreach (var job in jobs) Emit(job, null);
                }
                break;
            default:
                foreach (var id in JobId)
                {
                    var attempts = Tracker.FindAttemptsByJobId(id);
                    if (attempts.Count == 0) NotFound($"no attempt of any chain ran as job '{id}'", id);
                    foreach (var attempt in attempts)
                        if (Tracker.GetJob(attempt.ProteinId, attempt.BatchName) is { } job) Emit(job, attempt);
                }
                break;
        }
    }

    /// <summary>One chain's log: the attempt given (-JobId), else the job's current attempt.</summary>
    private void Emit(JobRecord job, AttemptRecord? attempt)
    {
        attempt ??= Tracker.GetAttempts(job.Id).FirstOrDefault(a => a.AttemptId == job.CurrentAttemptId);
        WriteVerbose(attempt is null
            ? $"{job.ProteinId} ({job.BatchName}): no attempt recorded"
            : $"{job.ProteinId} ({job.BatchName}): attempt {attempt.AttemptNumber} of run {attempt.RunId} on {attempt.Launcher} as {attempt.ExecutorJobId ?? "(no job id)"}");
        var reader = new JobLogReader(Loaded.LogDirectoryPath(), SlurmDetail);
        var log = reader.Read(job, attempt, Tail);
        foreach (var note in log.Notes) WriteVerbose($"{job.ProteinId}: {note}");
        WriteObject(log);
    }

    /// <summary>Asks SLURM about one job; a SLURM that cannot be reached leaves node and exit code empty (said with -Verbose).</summary>
    private SlurmJobDetail? SlurmDetail(string taskId)
    {
        try
        {
            _slurm ??= new SlurmClient(new Core.Processes.ProcessRunner());
            return _slurm.QueryJobDetail(taskId, CancellationToken);
        }
        catch (Exception ex) when (ex is SlurmCommandException or Core.Processes.ProcessStartException)
        {
            WriteVerbose($"SLURM could not be asked about job {taskId}: {ex.Message}");
            return null;
        }
    }

    private void NotFound(string message, string target) =>
        WriteItemError(new ItemNotFoundException(message), "EcodJobNotFound", ErrorCategory.ObjectNotFound, target);

    protected override void ReleaseResources() => _tracker?.Dispose();
}
