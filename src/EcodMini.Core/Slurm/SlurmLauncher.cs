using EcodMini.Core.Execution;

namespace EcodMini.Core.Slurm;

/// <summary>
/// Runs chunks as SLURM jobs over the worker contract: each job script runs <c>Invoke-EcodPartition -ManifestPath</c>
/// on the nodes. Array mode submits one array per MaxArraySize chunks (one sbatch each, <c>%max_concurrent_jobs</c>);
/// per-protein mode one job per chunk with a pause between sbatch calls. Every job carries the run's name and its own
/// working directory (which identifies it when a killed submission is reconciled). Jobs outlive this process.
/// Polls are one sacct call per run (or, without accounting, one squeue plus one scontrol per job no longer
/// queued); a failed poll keeps the last known states. Not thread-safe: the coordinator's thread calls it.
/// </summary>
public sealed partial class SlurmLauncher : IClusterLauncher
{
    private readonly SlurmClient _client;
    private readonly SlurmLaunchOptions _options;
    private readonly Action<string> _log;
    private readonly Dictionary<string, ChunkState> _last = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _launchedAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _runs = new(StringComparer.Ordinal);
    private bool _fallbackNoted;
    private bool _scriptShown;

    /// <param name="log">Receives decisions worth a -Verbose line (accounting fallback, reconciled jobs, array splits).</param>
    public SlurmLauncher(SlurmClient client, SlurmLaunchOptions options, Action<string>? log = null)
    {
        _client = client;
        _options = options;
        _log = log ?? (_ => { });
    }

    public string Name => "slurm";

    public bool WorkersOutliveCaller => true;

    public DateTimeOffset? UnreachableSince { get; private set; }

    public string JobName => SlurmLaunchOptions.JobNameFor(_options.RunId);

    /// <summary>sbatch calls made so far (the figure bench/slurm-submit reports).</summary>
    public int SbatchCalls => _client.CallCounts.GetValueOrDefault(_client.Options.Sbatch);

    /// <summary>Also polls jobs of these earlier runs (a refresh of attempts left by other processes).</summary>
    public void Watch(IEnumerable<string> runIds)
    {
        foreach (var run in runIds) _runs.Add(run);
    }

    public IReadOnlyList<string> Launch(IReadOnlyList<ChunkLaunch> chunks, CancellationToken cancellationToken)
    {
        if (chunks.Count == 0) return [];
        Directory.CreateDirectory(_options.Script.LogDirectory); // SLURM fails a job whose log folder is missing
        _runs.Add(_options.RunId);
        var submitted = new List<string>();
        try
        {
            var ids = _options.Mode == SlurmMode.Array
                ? LaunchArrays(chunks, submitted, cancellationToken)
                : LaunchSingles(chunks, submitted, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            foreach (var id in ids) _launchedAt[id] = now;
            return ids;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or SlurmCommandException)
        {
            // (An sbatch that died of the same Ctrl+C may have reached the controller: it is treated as interrupted too.)
            // Ctrl+C: what was submitted keeps running and is adopted by the next command (its folder names it).
            throw new LaunchInterruptedException(submitted.ToList(), ex);
        }
        catch
        {
            // All or nothing: what this call already submitted is cancelled before the error surfaces.
            if (submitted.Count > 0)
            {
                try { _client.Cancel(submitted, CancellationToken.None); }
                catch (Exception ex) when (ex is SlurmCommandException or IOException) { _log($"Could not cancel jobs {string.Join(",", submitted)} after a failed launch: {ex.Message}"); }
            }
            throw;
        }
    }

    private List<string> LaunchArrays(IReadOnlyList<ChunkLaunch> chunks, List<string> submitted, CancellationToken cancellationToken)
    {
        var maxArraySize = _client.MaxArraySize(cancellationToken);
        var plan = ArraySplitPlanner.Plan(chunks.Count, maxArraySize);
        if (plan.Count > 1)
            _log($"{chunks.Count} chunks exceed MaxArraySize {maxArraySize}: submitting {plan.Count} arrays, each starting after the previous one ends (one cap of {_options.Script.MaxConcurrent} tasks for the run)");
        var ids = new List<string>(chunks.Count);
        foreach (var slice in plan)
        {
            var members = chunks.Skip(slice.Offset).Take(slice.Count).ToList();
            var folder = SubmissionFolder(members[0].ChunkId, "array");
            var manifestPath = Path.Combine(folder, "array.json");
            new ArrayManifest
            {
                Run = _options.RunId, Array = slice.Number, Offset = slice.Offset,
                Chunks = members.Select(m => Path.GetFullPath(m.ManifestPath)).ToList(),
            }.Write(manifestPath);
            // One cap per run: each piece starts after the previous one ended, so at most %max_concurrent_jobs run at once.
            var after = submitted.Count > 0 ? submitted[^1] : null;
            var jobId = Submit(folder, manifestPath, slice.Count, members[0].ChunkId, members[^1].ChunkId, after, cancellationToken);
            submitted.Add(jobId);
            ids.AddRange(Enumerable.Range(0, slice.Count).Select(i => $"{jobId}_{i}"));
        }
        return ids;
    }

    private List<string> LaunchSingles(IReadOnlyList<ChunkLaunch> chunks, List<string> submitted, CancellationToken cancellationToken)
    {
        var ids = new List<string>(chunks.Count);
        foreach (var chunk in chunks)
        {
            if (ids.Count > 0 && _options.SubmitDelay > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(_options.SubmitDelay))
                cancellationToken.ThrowIfCancellationRequested();
            var folder = SubmissionFolder(chunk.ChunkId, "job");
            var jobId = Submit(folder, Path.GetFullPath(chunk.ManifestPath), null, chunk.ChunkId, chunk.ChunkId, null, cancellationToken);
            submitted.Add(jobId);
            ids.Add(jobId);
        }
        return ids;
    }

    /// <summary>
    /// One sbatch: the job carries the run in its name and the run and chunks in its comment, gets only the explicit
    /// variable list (<c>--export</c>), and waits for <paramref name="after"/> (the previous piece of a split array).
    /// </summary>
    private string Submit(string folder, string manifestPath, int? arrayCount, string firstChunk, string lastChunk, string? after,
        CancellationToken cancellationToken)
    {
        var script = JobScriptWriter.Write(Path.Combine(folder, "job.sh"), _options.Script with
        {
            JobName = JobName, WorkingDirectory = folder, ManifestPath = manifestPath, ArrayCount = arrayCount,
        });
        var comment = JobScriptValues.Name("job comment", firstChunk == lastChunk ? $"ecod-chunk-{firstChunk}" : $"ecod-chunks-{firstChunk}..{lastChunk}");
        List<string> arguments = [_options.Export, $"--comment={comment}"];
        if (after is not null) arguments.Add($"--dependency=afterany:{after}");
        var jobId = _client.Submit(script, JobName, folder, arguments, RunStart(_options.RunId), cancellationToken);
        // -Verbose shows what was really submitted: each sbatch command line, and the first script in full (the
        // others differ only in their folder and manifest).
        _log(_scriptShown ? $"Submitted SLURM job {jobId}: {Command(folder, arguments)}"
            : $"Submitted SLURM job {jobId}: {Command(folder, arguments)}\n{File.ReadAllText(script).TrimEnd()}");
        _scriptShown = true;
        return jobId;
    }

    /// <summary>The folder of one submission: <c>&lt;script dir&gt;/&lt;run&gt;/&lt;first chunk&gt;.&lt;kind&gt;</c>.</summary>
    private string SubmissionFolder(string firstChunkId, string kind)
    {
        var folder = Path.Combine(Path.GetFullPath(_options.ScriptDirectory), _options.RunId, $"{firstChunkId}.{kind}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Cancel(IReadOnlyCollection<string> executorJobIds)
    {
        var ids = executorJobIds.Where(SlurmClient.IsTaskId).ToList();
        if (ids.Count > 0) _client.Cancel(ids, CancellationToken.None);
    }

    public void WaitForChange(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var wait = _options.Schedule.Current < timeout ? _options.Schedule.Current : timeout;
        cancellationToken.WaitHandle.WaitOne(wait);
    }

    public void Dispose()
    {
        // Jobs outlive the launcher: nothing to stop.
    }
}
