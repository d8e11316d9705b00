using System.Collections.Concurrent;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Lets background work hand actions (WriteObject, WriteProgress, WriteError, WriteVerbose) to the pipeline
/// thread, which is the only thread PowerShell allows to write. The cmdlet thread calls <see cref="Run"/>.
/// </summary>
internal sealed class PipelinePump : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new(boundedCapacity: 4096);

    /// <summary>Queues an action for the pipeline thread (called from worker threads).</summary>
    public void Post(Action action) => _queue.Add(action);

    /// <summary>Runs <paramref name="work"/> on the thread pool and executes posted actions here until it ends.</summary>
    public void Run(Func<Task> work, TimeSpan tick, Action? onTick = null)
    {
        var task = Task.Run(async () =>
        {
            try { await work().ConfigureAwait(false); }
            finally { _queue.CompleteAdding(); }
        });
        while (!_queue.IsCompleted)
        {
            if (_queue.TryTake(out var action, tick)) action();
            else onTick?.Invoke();
        }
        onTick?.Invoke();
        task.GetAwaiter().GetResult();
    }

    public void Dispose() => _queue.Dispose();
}
