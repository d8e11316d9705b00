using System.Diagnostics;
using System.Globalization;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>
/// Runs chains through an <see cref="IChunkLauncher"/>: takes the tracking database's lease (one run per database),
/// recovers what earlier runs left (ingests their result files, settles their running attempts by the launcher's
/// verdict), records submissions under the retry policy, then per chunk starts attempts, writes the manifest,
/// launches, polls, ingests and archives. Only this thread writes the tracker. Whatever happens (an exception in
/// the launcher or the ingestion, Ctrl+C), in-process workers are stopped and waited for, what they wrote is
/// ingested, and the lease is released last. Cluster workers (<see cref="IChunkLauncher.WorkersOutliveCaller"/>)
/// are left running; a later <see cref="Refresh"/> or run collects them. One instance per run; not thread-safe.
/// </summary>
public sealed partial class ChunkCoordinator
{
    public const string ManifestSuffix = ".manifest.json";
    public const string LockFileName = "executor.lock";

    private readonly TrackingDatabase _tracker;
    private readonly IChunkLauncher _launcher;
    private readonly List<ActiveChunk> _active = [];
    private readonly List<string> _issues = [];
    private IngestSummary _ingested = IngestSummary.Empty;
    private IngestSummary _recovered = IngestSummary.Empty;
    private ProgressCounter _counter = new(0, null);
    private int _sequence;
    private RunLog _log = RunLog.None;
    private readonly Dictionary<string, RunLog> _earlierRunLogs = new(StringComparer.Ordinal);
    private readonly List<OpenAttempt> _foreign = [];

    public ChunkCoordinator(TrackingDatabase tracker, IChunkLauncher launcher, ExecutionOptions options, string? runId = null)
    {
        if (options.ThrottleLimit < 1) throw new ArgumentOutOfRangeException(nameof(options), "ThrottleLimit must be at least 1");
        if (options.ChunkSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "ChunkSize must be at least 1");
        _tracker = tracker;
        _launcher = launcher;
        Options = options;
        RunId = runId ?? NewRunId();
    }

    public ExecutionOptions Options { get; }

    /// <summary>This run's id: on its lease, attempts and chunk ids.</summary>
    public string RunId { get; }

    /// <summary>
    /// Runs the chains (duplicates once). Throws <see cref="TrackerLeaseHeldException"/> before touching anything when
    /// another live run owns the database (unless the lease options say wait; <paramref name="onLeaseWait"/> hears
    /// each look). Cancellation stops launching and waiting; chains not run go back to pending.
    /// </summary>
    public ExecutionResult Run(IReadOnlyList<ProteinTask> tasks, IProgress<ExecutionProgress>? progress = null,
        CancellationToken cancellationToken = default, Action<TrackerLease>? onLeaseWait = null)
    {
        var clock = Stopwatch.StartNew();
        var work = Path.GetFullPath(Options.WorkDirectory);
        Directory.CreateDirectory(work);
        var previous = TakeLease(work, cancellationToken, onLeaseWait);
        var log = RunLog.None;
        try
        {
            using var workLock = LockWorkDirectory(work, previous);
            log = _log = RunLog.Open(Options.LogDirectory, RunId);
            if (previous is not null)
                log.Write($"took the tracking database over from {previous.Describe()}: it can no longer write the tracker (its lease generation is gone)" +
                          (workLock is null ? "; the work folder is still locked by it, so this run works beside it" : ""));
            var atOnce = Options.ThrottleLimit >= int.MaxValue / 4 ? "all launched at once (the cluster throttles them)" : $"{Options.ThrottleLimit} at once";
            log.Write($"run {RunId} on {_launcher.Name}: {tasks.Count} chain(s) given; work folder {work}; chunks of up to {Options.ChunkSize}, {atOnce}");
            Recover(work, cancellationToken);
            var distinct = tasks.DistinctBy(t => (t.ProteinId, t.BatchName)).ToList();
            var held = _foreign.Select(a => (a.ProteinId, a.BatchName)).ToHashSet();
            var claimable = distinct.Where(t => !held.Contains((t.ProteinId, t.BatchName))).ToList();
            LogForeign(distinct.Count - claimable.Count);
            var submitted = _tracker.RecordSubmissions(claimable.Select(ToSubmission).ToList(), Options.Submission);
            var queued = submitted.Where(s => s.Outcome == SubmissionOutcome.Queued).Select(s => s.Job).ToList();
            int Count(SubmissionOutcome o) => submitted.Count(s => s.Outcome == o);
            log.Write($"{distinct.Count} distinct chain(s): {queued.Count} queued, {Count(SubmissionOutcome.AlreadyCompleted)} already completed, " +
                      $"{Count(SubmissionOutcome.RetryNotDue)} deferred by the retry delay, {Count(SubmissionOutcome.RetriesExhausted)} out of retries, " +
                      $"{Count(SubmissionOutcome.InProgress) + distinct.Count - claimable.Count} running elsewhere");
            _counter = new ProgressCounter(queued.Count, progress);
            try { RunChunks(work, queued, distinct.ToDictionary(t => (t.ProteinId, t.BatchName)), cancellationToken); }
            catch (Exception ex) when (LogFailure(ex)) { throw; }
            var jobs = FinalRecords(distinct);
            LogEnd(jobs, queued.Count, cancellationToken.IsCancellationRequested, clock.Elapsed);
            return new ExecutionResult
            {
                Jobs = jobs, RunId = RunId, LogPath = log.FilePath, Requested = distinct.Count, Submitted = queued.Count,
                SkippedCompleted = Count(SubmissionOutcome.AlreadyCompleted), RetryNotDue = Count(SubmissionOutcome.RetryNotDue),
                RetriesExhausted = Count(SubmissionOutcome.RetriesExhausted), InProgress = Count(SubmissionOutcome.InProgress) + distinct.Count - claimable.Count,
                HeldByOtherExecutor = ForeignRuns(distinct.Count - claimable.Count),
                Completed = _counter.Completed, Failed = _counter.Failed, NotRun = queued.Count - _counter.Completed - _counter.Failed,
                Recovered = _recovered, Ingested = _ingested, ResultFileIssues = _issues.ToList(), TookOverFrom = previous,
                Cancelled = cancellationToken.IsCancellationRequested, Duration = clock.Elapsed, WorkDirectory = work,
            };
        }
        finally
        {
            try { Shutdown(); }
            finally
            {
                _tracker.ReleaseLease(RunId);
                log.Dispose();
                _log = RunLog.None;
                CloseEarlierRunLogs();
            }
        }
    }

    /// <summary>
    /// One poll + ingest pass without running anything: takes the lease (refused while a run owns the database), settles
    /// the attempts of earlier runs whose workers ended, leaves running ones running, releases the lease.
    /// </summary>
    /// <param name="repair">Also recompute chains left cancelled or lost without a result from the result files their attempts wrote (see <see cref="RepairFromResultFiles"/>).</param>
    public RefreshResult Refresh(CancellationToken cancellationToken = default, bool repair = false)
    {
        var previous = TakeLease(null, cancellationToken, null);
        try
        {
            var repaired = repair ? RepairFromResultFiles() : IngestSummary.Empty;
            var open = CollectOpenAttempts(adopt: false, cancellationToken);
            return new RefreshResult(_recovered, open, _issues.ToList(), previous)
            {
                Repaired = repaired, UnknownSince = (_launcher as IClusterLauncher)?.UnreachableSince,
            };
        }
        finally
        {
            _tracker.ReleaseLease(RunId);
            CloseEarlierRunLogs();
        }
    }

    private TrackerLease? TakeLease(string? work, CancellationToken cancellationToken, Action<TrackerLease>? onWait)
    {
        // The tracker starts the lease's background heartbeat: it beats through sbatch/sacct retries, polls and waits.
        return _tracker.AcquireLease(ProcessIdentity.Claim(RunId, work), Options.Lease, cancellationToken, onWait);
    }

    private List<JobRecord> FinalRecords(List<ProteinTask> tasks)
    {
        var records = new Dictionary<(string, string), JobRecord>();
        foreach (var batch in tasks.Select(t => t.BatchName).Distinct(StringComparer.Ordinal))
            foreach (var job in _tracker.GetJobs(new JobQuery { BatchName = batch, Wildcards = false }))
                records[(job.ProteinId, job.BatchName)] = job;
        return tasks.Select(t => records[(t.ProteinId, t.BatchName)]).ToList();
    }

    /// <summary>
    /// One executor per work directory: an exclusive lock file, released by the OS if the process dies. Null when the
    /// lock is held by the run this one just took the tracker over from (a frozen process keeps its lock, but it is
    /// fenced: it can no longer write the tracker, so this run may work beside it).
    /// </summary>
    private static FileStream? LockWorkDirectory(string work, TrackerLease? takenOver)
    {
        var path = Path.Combine(work, LockFileName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (takenOver?.WorkDirectory is { } theirs && Path.GetFullPath(theirs) == work)
        {
            return null;
        }
        catch (IOException ex)
        {
            throw new WorkDirectoryInUseException(work, $"{work}: another executor is using this work folder ({path} is locked); give each run its own work folder", ex);
        }
    }

    /// <summary>A new run id: UTC start time, then a random part (<c>20261130T235900-1a2b3c4d</c>).</summary>
    public static string NewRunId() =>
        DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    private static JobSubmission ToSubmission(ProteinTask t) =>
        new(t.ProteinId, t.Pdb, t.Chain, t.BatchName, t.OutputPath, SummaryPath: t.SummaryPath, BlastPath: t.BlastPath);
}
