namespace EcodMini.Core.Monitoring;

/// <summary>Job counts of one batch folder (failed includes timed-out and cancelled jobs).</summary>
public sealed record BatchProgress(string BatchName, int Completed, int Failed, int Running, int Pending)
{
    public int Total => Completed + Failed + Running + Pending;
    public int Finished => Completed + Failed;
    /// <summary>Finished / total (0 for an empty batch).</summary>
    public double FinishedFraction => Total == 0 ? 0 : (double)Finished / Total;
    public bool IsDone => Total > 0 && Running == 0 && Pending == 0;
}
