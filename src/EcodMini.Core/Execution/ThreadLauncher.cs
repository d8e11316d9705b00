using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;

namespace EcodMini.Core.Execution;

/// <summary>
/// Runs each chunk on a dedicated thread of this process through <see cref="ChunkWorker"/>. Executor job ids are
/// <c>thread-&lt;pid&gt;-&lt;launcher&gt;-&lt;n&gt;</c>, so ids left by an earlier process poll as Lost. Workers stop
/// between chains when the launch token or <see cref="Cancel"/> fires, and end with the process. Dispose cancels and
/// waits for every worker. Not thread-safe (the coordinator's thread calls it); workers only signal completion.
/// </summary>
public sealed class ThreadLauncher : IChunkLauncher
{
    private readonly Func<ChunkTask, CancellationToken, PartitionResult> _process;
    private readonly Dictionary<string, (Task<ChunkRunSummary> Task, CancellationTokenSource Stop)> _workers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changed = new(0);
    private readonly string _prefix = $"thread-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
    private int _launched;

    /// <param name="process">Partitions one chain; runs on worker threads (must be thread-safe).</param>
    public ThreadLauncher(Func<ChunkTask, CancellationToken, PartitionResult> process) => _process = process;

    /// <summary>The production launcher: partitions with <see cref="ChainPartitionRunner"/> over loaded reference data.</summary>
    public static ThreadLauncher ForPartitioning(ReferenceData reference, PartitionOptions options, OutputFormat format)
    {
        var runner = new ChainPartitionRunner(reference, options, format);
        return new ThreadLauncher((task, ct) => runner.Run(ChunkWorker.ToRequest(task), ct));
    }

    public string Name => "local";

    public bool WorkersOutliveCaller => false;

    public IReadOnlyList<string> Launch(IReadOnlyList<ChunkLaunch> chunks, CancellationToken cancellationToken)
    {
        var ids = new List<string>(chunks.Count);
        foreach (var chunk in chunks)
        {
            var id = $"{_prefix}-{++_launched}";
            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var task = Task.Factory.StartNew(() => ChunkWorker.Run(chunk.ManifestPath, _process, stop.Token),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            task.ContinueWith(_ => _changed.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _workers[id] = (task, stop);
            ids.Add(id);
        }
        return ids;
    }

    public IReadOnlyDictionary<string, ChunkState> Poll(IReadOnlyCollection<string> executorJobIds, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, ChunkState>(StringComparer.Ordinal);
        foreach (var id in executorJobIds)
            states[id] = _workers.TryGetValue(id, out var worker) ? StateOf(worker.Task) : new ChunkState(ChunkPhase.Lost, "not a worker of this process");
        return states;
    }

    public void Cancel(IReadOnlyCollection<string> executorJobIds)
    {
        foreach (var id in executorJobIds)
            if (_workers.TryGetValue(id, out var worker)) worker.Stop.Cancel();
    }

    public void WaitForChange(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try { _changed.Wait(timeout, cancellationToken); }
        catch (OperationCanceledException) { }
    }

    public void Dispose()
    {
        foreach (var (task, stop) in _workers.Values)
        {
            stop.Cancel();
            try { task.Wait(); } catch (AggregateException) { }
            stop.Dispose();
        }
        _workers.Clear();
        _changed.Dispose();
    }

    private static ChunkState StateOf(Task<ChunkRunSummary> task)
    {
        if (!task.IsCompleted) return new ChunkState(ChunkPhase.Running);
        if (task.IsFaulted)
        {
            var error = task.Exception!.GetBaseException();
            return new ChunkState(ChunkPhase.Failed, $"worker failed: {error.GetType().Name}: {error.Message}");
        }
        if (task.IsCanceled) return new ChunkState(ChunkPhase.Cancelled, "not run: cancelled");
        var summary = task.Result;
        return summary.Cancelled || summary.NotRun > 0
            ? new ChunkState(ChunkPhase.Cancelled, "not run: cancelled")
            : new ChunkState(ChunkPhase.Finished);
    }
}
