using System.Diagnostics;
using System.Globalization;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>
/// Runs chains on this machine's cores through the worker contract (manifest in, result file out), with the
/// tracker written only from the calling thread. Safe to rerun after a kill: result files left behind are
/// ingested first, completed chains are skipped, chains left running without a result are run again.
/// </summary>
public sealed class LocalExecutor
{
    public const string ManifestSuffix = ".manifest.json";
    public const string LockFileName = "executor.lock";

    private readonly TrackingDatabase _tracker;
    private readonly Func<ProteinTask, CancellationToken, PartitionResult>? _process;

    /// <param name="process">The per-chain function; null uses <see cref="ChainPartitionRunner"/> with the options' reference data.</param>
    public LocalExecutor(TrackingDatabase tracker, LocalExecutorOptions options, Func<ProteinTask, CancellationToken, PartitionResult>? process = null)
    {
        if (options.ThrottleLimit < 1) throw new ArgumentOutOfRangeException(nameof(options), "ThrottleLimit must be at least 1");
        if (options.ChunkSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "ChunkSize must be at least 1");
        _tracker = tracker;
        Options = options;
        _process = process;
    }

    public LocalExecutorOptions Options { get; }

    public ExecutionResult Run(IReadOnlyList<ProteinTask> tasks, IProgress<ExecutionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var work = Path.GetFullPath(Options.WorkDirectory);
        Directory.CreateDirectory(work);
        using var workLock = LockWorkDirectory(work);
        var recovered = ResultFileIngestor.IngestLeftovers(_tracker, work, cancellationToken);

        var distinct = tasks.DistinctBy(t => (t.ProteinId, t.BatchName)).ToList();
        var byKey = distinct.ToDictionary(t => (t.ProteinId, t.BatchName));
        var submitted = _tracker.RecordSubmissions(distinct.Select(ToSubmission).ToList());
        var toRun = submitted.Where(j => j.Status != JobStatus.Completed).ToList();
        var skipped = submitted.Count - toRun.Count;

        var outcome = toRun.Count == 0 || cancellationToken.IsCancellationRequested
            ? new RunOutcome(0, 0, toRun.Count, cancellationToken.IsCancellationRequested)
            : RunChunks(work, toRun, byKey, progress, cancellationToken);

        return new ExecutionResult
        {
            Jobs = FinalRecords(distinct),
            Requested = distinct.Count,
            Submitted = toRun.Count,
            SkippedCompleted = skipped,
            Completed = outcome.Completed,
            Failed = outcome.Failed,
            NotRun = outcome.NotRun,
            Recovered = recovered,
            Cancelled = outcome.Cancelled,
            Duration = clock.Elapsed,
            WorkDirectory = work,
        };
    }

    private sealed record RunOutcome(int Completed, int Failed, int NotRun, bool Cancelled);

    private sealed record ChunkRun(string ManifestPath, IReadOnlyList<JobRecord> Jobs, Task<ChunkRunSummary> Worker);

    private RunOutcome RunChunks(string work, List<JobRecord> toRun, Dictionary<(string, string), ProteinTask> byKey,
        IProgress<ExecutionProgress>? progress, CancellationToken cancellationToken)
    {
        var process = _process ?? CreateRunner(cancellationToken);
        var counter = new ProgressCounter(toRun.Count, progress);
        var runId = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var size = Math.Max(1, Math.Min(Options.ChunkSize, (int)Math.Ceiling(toRun.Count / (double)(Options.ThrottleLimit * 2))));
        var chunks = toRun.Chunk(size).ToList();
        var active = new List<ChunkRun>();
        int next = 0, completed = 0, failed = 0;

        while (next < chunks.Count || active.Count > 0)
        {
            while (next < chunks.Count && active.Count < Options.ThrottleLimit && !cancellationToken.IsCancellationRequested)
            {
                var chunkId = $"{runId}-{next:D5}";
                active.Add(Dispatch(work, chunkId, chunks[next++], byKey, process, counter, cancellationToken));
            }
            if (active.Count == 0) break;
            var index = Task.WaitAny(active.Select(a => (Task)a.Worker).ToArray());
            var finished = active[index];
            active.RemoveAt(index);
            var ingest = Collect(work, finished);
            completed += ingest.Completed;
            failed += ingest.Failed;
        }
        var notRun = toRun.Count - completed - failed;
        return new RunOutcome(completed, failed, notRun, cancellationToken.IsCancellationRequested);
    }

    private ChunkRun Dispatch(string work, string chunkId, JobRecord[] jobs, Dictionary<(string, string), ProteinTask> byKey,
        Func<ProteinTask, CancellationToken, PartitionResult> process, ProgressCounter counter, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(work, chunkId + ManifestSuffix);
        new ChunkManifest
        {
            ChunkId = chunkId,
            Format = Options.Format,
            ReferenceDirectory = Options.ReferenceDirectory,
            Options = Options.PartitionOptions,
            CreatedAt = DateTimeOffset.UtcNow,
            Tasks = jobs.Select(j => ToChunkTask(byKey[(j.ProteinId, j.BatchName)])).ToList(),
        }.Write(manifestPath);
        _tracker.TransitionStatus(jobs.Select(j => j.Id).ToList(), JobStatus.Running, detail: "local chunk started", jobId: chunkId);
        var worker = Task.Factory.StartNew(
            () => ChunkWorker.Run(manifestPath, (t, ct) => process(byKey[(t.ProteinId, t.BatchName)], ct), cancellationToken, counter.Record),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return new ChunkRun(manifestPath, jobs, worker);
    }

    /// <summary>Ingests a finished chunk's results; its chains without a result go back to pending (cancelled) or fail (worker crashed).</summary>
    private IngestSummary Collect(string work, ChunkRun chunk)
    {
        var resultsPath = ChunkManifest.ResultsPathFor(chunk.ManifestPath);
        var content = ResultFileReader.Read(resultsPath);
        var ingest = ResultFileIngestor.Ingest(_tracker, content);
        var recorded = content.Records.Select(r => (r.ProteinId, r.BatchName)).ToHashSet();
        var missing = chunk.Jobs.Where(j => !recorded.Contains((j.ProteinId, j.BatchName))).ToList();
        if (missing.Count > 0)
        {
            var error = chunk.Worker.Exception?.GetBaseException();
            if (error is null)
            {
                _tracker.TransitionStatus(missing.Select(j => j.Id).ToList(), JobStatus.Pending, detail: "not run: cancelled");
            }
            else
            {
                var now = DateTimeOffset.UtcNow;
                var failures = missing.Select(j => TaskResultFactory.Failure(Path.GetFileName(chunk.ManifestPath), ToChunkTask(j),
                    $"worker failed: {error.GetType().Name}: {error.Message}", now, now)).ToList();
                ingest = ingest.Add(_tracker.RecordResults(failures));
            }
        }
        ResultFileIngestor.Archive(work, resultsPath);
        ResultFileIngestor.Archive(work, chunk.ManifestPath);
        return ingest;
    }

    /// <summary>One executor per work directory: an exclusive lock file, released by the OS if the process dies.</summary>
    private static FileStream LockWorkDirectory(string work)
    {
        var path = Path.Combine(work, LockFileName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"Another executor is using the work directory {work} ({path} is locked)", ex);
        }
    }

    private Func<ProteinTask, CancellationToken, PartitionResult> CreateRunner(CancellationToken cancellationToken)
    {
        if (Options.ReferenceDirectory is null)
            throw new InvalidOperationException("LocalExecutorOptions.ReferenceDirectory is required to partition chains");
        var reference = ReferenceData.Load(Options.ReferenceDirectory, cancellationToken);
        var runner = new ChainPartitionRunner(reference, Options.PartitionOptions, Options.Format);
        return (task, ct) => runner.Run(ChunkWorker.ToRequest(ToChunkTask(task)), ct);
    }

    private List<JobRecord> FinalRecords(List<ProteinTask> tasks)
    {
        var records = new Dictionary<(string, string), JobRecord>();
        foreach (var batch in tasks.Select(t => t.BatchName).Distinct(StringComparer.Ordinal))
            foreach (var job in _tracker.GetJobs(new JobQuery { BatchName = batch, Wildcards = false }))
                records[(job.ProteinId, job.BatchName)] = job;
        return tasks.Select(t => records[(t.ProteinId, t.BatchName)]).ToList();
    }

    private static JobSubmission ToSubmission(ProteinTask t) => new(t.ProteinId, t.Pdb, t.Chain, t.BatchName, t.OutputPath);

    private static ChunkTask ToChunkTask(ProteinTask t) => new()
    {
        ProteinId = t.ProteinId, BatchName = t.BatchName, SummaryPath = t.SummaryPath, BlastPath = t.BlastPath, OutputPath = t.OutputPath,
    };

    private static ChunkTask ToChunkTask(JobRecord j) => new()
    {
        ProteinId = j.ProteinId, BatchName = j.BatchName, SummaryPath = "", OutputPath = j.OutputPath ?? "",
    };
}
