using System.Collections.Concurrent;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Lets background work hand actions (WriteObject, WriteProgress, WriteError, WriteVerbose) to the pipeline
/// thread, which is the only thread PowerShell allows to write. The cmdlet thread calls <see cref="Run"/>.
/// When the pipeline thread fails or stops (Ctrl+C, a downstream <c>Select-Object -First</c>), the work is
/// cancelled and waited for, so nothing keeps running behind the user's back.
/// </summary>
internal sealed class PipelinePump : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new(boundedCapacity: 4096);

    /// <summary>Queues an action for the pipeline thread (called from worker threads).</summary>
    public void Post(Action action)
    {
        try { _queue.Add(action); }
        catch (InvalidOperationException) { /* the pipeline thread has stopped taking actions */ }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool with a token linked to <paramref name="stopping"/> and executes
    /// posted actions here until the work ends. Rethrows the work's exception, or the pipeline thread's.
    /// </summary>
    public void Run(Func<CancellationToken, Task> work, CancellationToken stopping, TimeSpan tick, Action? onTick = null)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var task = Task.Run(async () =>
        {
            try { await work(linked.Token).ConfigureAwait(false); }
            finally { _queue.CompleteAdding(); }
        });
        try
        {
            while (!_queue.IsCompleted)
            {
                if (_queue.TryTake(out var action, tick)) action();
                else onTick?.Invoke();
            }
            onTick?.Invoke();
        }
        catch
        {
            linked.Cancel();
            while (!_queue.IsCompleted) _queue.TryTake(out _, tick);
            try { task.GetAwaiter().GetResult(); } catch (OperationCanceledException) { }
            throw;
        }
        task.GetAwaiter().GetResult();
    }

    public void Dispose() => _queue.Dispose();
}
