using System.Collections.Concurrent;
using EcodMini.Core.Execution;

namespace EcodMini.Core.Tests.Execution;

/// <summary>Keeps every progress report, on the reporting thread.</summary>
internal sealed class SynchronousProgress : IProgress<ExecutionProgress>
{
    public ConcurrentQueue<ExecutionProgress> Reports { get; } = new();
    public void Report(ExecutionProgress value) => Reports.Enqueue(value);
}
