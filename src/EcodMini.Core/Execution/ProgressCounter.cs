using System.Diagnostics;

namespace EcodMini.Core.Execution;

/// <summary>Thread-safe counts behind <see cref="ExecutionProgress"/> reports.</summary>
internal sealed class ProgressCounter(int total, IProgress<ExecutionProgress>? progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _completed;
    private int _failed;

    public void Record(TaskResultRecord record)
    {
        if (record.IsCompleted) Interlocked.Increment(ref _completed);
        else Interlocked.Increment(ref _failed);
        if (progress is null) return;
        var completed = Volatile.Read(ref _completed);
        var failed = Volatile.Read(ref _failed);
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? (completed + failed) / seconds : 0;
        TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds((total - completed - failed) / rate) : null;
        progress.Report(new ExecutionProgress(completed, failed, total, rate, eta, record.ProteinId));
    }
}
