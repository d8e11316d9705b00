namespace EcodMini.Core.Monitoring.Reports;

/// <summary>One batch's progress with the quality of its completed chains.</summary>
public sealed record BatchReport(BatchProgress Progress, double MeanCoverage, double MeanDomainCount, int PoorCount)
{
    public string BatchName => Progress.BatchName;
}
