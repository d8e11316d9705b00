using System.Diagnostics;

namespace EcodMini.Core.Execution;

/// <summary>The run's counts behind <see cref="ExecutionProgress"/> reports, advanced as chunks are ingested.</summary>
internal sealed class ProgressCounter(int total, IProgress<ExecutionProgress>? progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Completed { get; private set; }
    public int Failed { get; private set; }

    public void Add(int completed, int failed, string? current)
    {
        Completed += completed;
        Failed += failed;
        if (progress is null) return;
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? (Completed + Failed) / seconds : 0;
        TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - Completed - Failed) / rate) : null;
        progress.Report(new ExecutionProgress(Completed, Failed, total, rate, eta, current));
    }
}
