namespace EcodMini.Core.Execution;

/// <summary>A progress report of a local run (sent from worker threads).</summary>
public sealed record ExecutionProgress(
    int Completed, int Failed, int Total, double RatePerSecond, TimeSpan? EstimatedRemaining, string? CurrentProteinId)
{
    public int Done => Completed + Failed;
    public double PercentComplete => Total == 0 ? 100 : 100.0 * Done / Total;
}
