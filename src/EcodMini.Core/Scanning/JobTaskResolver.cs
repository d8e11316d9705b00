using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Scanning;

/// <summary>
/// Turns a tracked job back into a task to submit (so <c>Get-EcodJobStatus | Submit-EcodJob</c> works): the inputs
/// recorded on the job, or, for jobs recorded before they were kept, the batch layout under a batch root.
/// </summary>
public static class JobTaskResolver
{
    /// <summary>Throws <see cref="InputFileException"/> naming the summary when it cannot be found.</summary>
    public static ProteinTask ToTask(JobRecord job, string batchRoot, string referenceVersion = BatchLayout.DefaultReferenceVersion)
    {
        if (!ProteinId.TryParse(job.ProteinId, out var id))
            throw new InputFileException(job.ProteinId, "not a valid protein id (expected e.g. 8ovp_A)");
        var batchDir = job.SummaryPath is { } recorded
            ? BatchLayout.BatchDirectoryOf(recorded) ?? Path.Combine(batchRoot, job.BatchName)
            : Path.Combine(batchRoot, job.BatchName);
        var summary = job.SummaryPath ?? Path.Combine(batchDir, BatchLayout.DomainsFolder, BatchLayout.SummaryFileName(id, referenceVersion));
        if (!File.Exists(summary))
            throw new InputFileException(summary, $"domain summary of job {job.ProteinId} ({job.BatchName}) not found; it cannot be submitted again");
        var blast = job.BlastPath ?? BatchLayout.DefaultBlastPath(summary, id);
        return new ProteinTask
        {
            ProteinId = id.ToString(), Pdb = id.Pdb, Chain = id.Chain, BatchName = job.BatchName, BatchDirectory = batchDir,
            SummaryPath = summary, BlastPath = blast is not null && File.Exists(blast) ? blast : null,
            OutputPath = job.OutputPath ?? Path.Combine(batchDir, BatchLayout.OutputFolder, BatchLayout.OutputFileName(id)),
            RetryCount = job.RetryCount, PreviousStatus = job.Status, IsRetry = JobStatus.IsRetryable(job.Status),
            PreviousAttempt = job.EndTime ?? job.StartTime ?? job.SubmitTime,
        };
    }
}
