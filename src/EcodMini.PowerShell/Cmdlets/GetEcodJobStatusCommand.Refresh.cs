using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Execution;
using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>-Refresh and -Wait: poll the executor, ingest result files, update the tracker (when this process may write), report.</summary>
public sealed partial class GetEcodJobStatusCommand
{
    private readonly ConcurrentQueue<string> _messages = new();
    private bool _readOnly;
    private bool _repairDone;

    /// <summary>Poll SLURM once (one sacct call per run), ingest finished result files and update the tracker before reporting.</summary>
    [Parameter(ParameterSetName = "Jobs")]
    public SwitchParameter Refresh { get; set; }

    /// <summary>Refresh until no job of the selection is submitted or running, with a progress bar.</summary>
    [Parameter(ParameterSetName = "Jobs")]
    public SwitchParameter Wait { get; set; }

    /// <summary>Seconds between polls with -Wait; default: from 10 s, doubling while nothing changes, up to 180 s.</summary>
    [Parameter(ParameterSetName = "Jobs")]
    [ValidateRange(1, 3600)]
    public int? PollInterval { get; set; }

    /// <summary>Longest -Wait; then the jobs are reported as they are, with an EcodWaitTimeout error.</summary>
    [Parameter(ParameterSetName = "Jobs")]
    public TimeSpan? Timeout { get; set; }

    private TrackingDatabase? OpenForRefresh()
    {
        try
        {
            return Core.Tracking.TrackingDatabase.Open(TrackerPath(TrackingDatabase), new TrackingOpenOptions { ReadOnly = false });
        }
        catch (TrackingDatabaseException ex) when (ex.Problem == TrackingProblem.ReadOnly)
        {
            WriteVerbose($"{ex.DatabasePath}: not writable here; showing the tracker's view without refreshing it");
            _readOnly = true;
            return OpenTracker(TrackingDatabase, readOnly: true);
        }
        catch (TrackingDatabaseException ex)
        {
            FailTracker(ex);
            throw;
        }
    }

    private void RefreshAndWait(TrackingDatabase tracker, JobQuery query, PipedSelection? piped = null)
    {
        var schedule = PollInterval is { } fixedSeconds ? PollSchedule.Fixed(TimeSpan.FromSeconds(fixedSeconds))
            : new PollSchedule(PollSchedule.DefaultInitial, PollSchedule.DefaultMaximum);
        var clock = Stopwatch.StartNew();
        var progress = new ProgressRecord(1, "Waiting for jobs", "polling");
        IReadOnlyList<JobRecord> jobs;
        var previousActive = -1;
        while (true)
        {
            RefreshOnce(tracker);
            jobs = piped is null ? tracker.GetJobs(query) : piped.Select(tracker.GetJobs(query with { Limit = null }), query.Limit);
            var active = jobs.Count(j => JobStatus.IsActive(j.Status));
            if (!Wait.IsPresent || active == 0) break;
            var finished = jobs.Count(j => JobStatus.IsFinished(j.Status));
            progress.StatusDescription = $"{finished:N0} of {jobs.Count:N0} finished, {active:N0} submitted or running; next poll in {schedule.Current.TotalSeconds:N0} s";
            progress.PercentComplete = jobs.Count == 0 ? 100 : (int)(100L * finished / jobs.Count);
            WriteProgress(progress);
            if (Timeout is { } limit && clock.Elapsed >= limit)
            {
                WriteError(new ErrorRecord(new TimeoutException($"{active} job(s) still submitted or running after {limit}"),
                    "EcodWaitTimeout", ErrorCategory.OperationTimeout, TrackerPath(TrackingDatabase)));
                break;
            }
            var wait = schedule.Next(progressed: active != previousActive && previousActive >= 0);
            previousActive = active;
            if (Timeout is { } cap && clock.Elapsed + wait > cap) wait = cap - clock.Elapsed + TimeSpan.FromMilliseconds(50);
            if (CancellationToken.WaitHandle.WaitOne(wait)) throw new PipelineStoppedException();
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        WriteObject(jobs, enumerateCollection: true);
    }

    /// <summary>One refresh under the lease; when another live run owns the database, it keeps it current and this only reads.</summary>
    private void RefreshOnce(TrackingDatabase tracker)
    {
        if (_readOnly) return;
        var runId = ChunkCoordinator.NewRunId();
        using var launcher = SlurmSession.Poller(this, Loaded, runId, _messages);
        var coordinator = new ChunkCoordinator(tracker, launcher, Loaded.ToExecutionOptions(), runId);
        try
        {
            var result = coordinator.Refresh(CancellationToken, repair: !_repairDone);
            _repairDone = true;
            Flush();
            if (result.TookOverFrom is { } previous) WriteWarning($"Took the tracking database over from {previous.Describe()}: its lease was judged gone");
            WriteVerbose($"Refreshed: {result.Ingested.Recorded} result record(s) ingested, {result.StillRunning} attempt(s) still submitted or running");
            if (result.Repaired.Recorded > 0)
                WriteWarning($"{result.Repaired.Completed + result.Repaired.Failed + result.Repaired.Cancelled} chain(s) left cancelled or lost without a result " +
                             $"had results in their files: recorded now ({result.Repaired.Completed} completed, {result.Repaired.Failed} failed)");
            if (result.UnknownSince is { } since)
                WriteWarning($"SLURM state unknown since {since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: squeue/sacct do not answer; " +
                             "states are shown as last known and nothing is marked lost (polls back off and retry)");
            foreach (var issue in result.ResultFileIssues) WriteWarning(issue);
        }
        catch (TrackerLeaseHeldException ex)
        {
            WriteVerbose($"{ex.Message}: that run keeps the tracker current; reading only");
        }
        catch (Exception ex) when (ex is SlurmCommandException or Core.Processes.ProcessStartException)
        {
            Flush();
            WriteWarning($"SLURM could not be polled ({ex.Message}); showing the last known states");
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>The jobs piped in, in their input order: by protein and batch, or by protein alone when no batch came with it.</summary>
    private sealed class PipedSelection(IReadOnlyList<(string ProteinId, string? BatchName)> keys)
    {
        public IReadOnlyList<JobRecord> Select(IReadOnlyList<JobRecord> all, int? limit)
        {
            var byChain = all.GroupBy(j => j.ProteinId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var seen = new HashSet<long>();
            var selected = new List<JobRecord>();
            foreach (var (protein, batch) in keys)
            {
                if (!byChain.TryGetValue(protein, out var jobs)) continue;
                foreach (var job in jobs)
                    if ((batch is null || job.BatchName == batch) && seen.Add(job.Id)) selected.Add(job);
            }
            return limit is { } n ? selected.Take(n).ToList() : selected;
        }
    }

    private void Flush()
    {
        while (_messages.TryDequeue(out var message)) WriteVerbose(message);
    }
}
