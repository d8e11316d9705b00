using System.Diagnostics;
using EcodMini.Core.Model;

namespace EcodMini.Core.Execution;

/// <summary>Turns a partition outcome into the result record a worker writes.</summary>
public static class TaskResultFactory
{
    public static TaskResultRecord FromResult(string chunkId, ChunkTask task, PartitionResult result, DateTimeOffset started, DateTimeOffset finished)
    {
        var domains = result.Domains;
        return new TaskResultRecord
        {
            RecordId = Guid.NewGuid().ToString("N"),
            ChunkId = chunkId,
            AttemptId = task.AttemptId,
            ProteinId = task.ProteinId,
            BatchName = task.BatchName,
            Status = result.Success ? TaskResultRecord.CompletedStatus : TaskResultRecord.FailedStatus,
            DomainCount = domains.Count,
            Coverage = result.Coverage,
            TotalResidues = result.SequenceLength,
            AssignedResidues = (int)Math.Round(result.Coverage * result.SequenceLength),
            AverageConfidence = result.MeanDomainConfidence() ?? 0,
            EvidenceCount = result.EvidenceCounts.Values.Sum(),
            DiscontinuousDomains = domains.Count(d => d.IsDiscontinuous),
            Error = result.Success ? null : result.Error ?? "partition failed",
            ErrorClass = result.Success ? null : result.ErrorClass ?? ErrorClass.Transient,
            ElapsedSeconds = (finished - started).TotalSeconds,
            PeakMemoryMb = PeakMemoryMb(),
            QualityFlags = result.QualityFlags,
            Domains = domains.Select(d => $"{d.Range}|{d.TGroup}|{d.HGroup}").ToList(),
            OutputPath = result.OutputPath ?? task.OutputPath,
            StartedAt = started,
            FinishedAt = finished,
        };
    }

    public static TaskResultRecord Failure(string chunkId, ChunkTask task, string error, DateTimeOffset started, DateTimeOffset finished,
        ErrorClass errorClass = ErrorClass.Transient) => new()
    {
        RecordId = Guid.NewGuid().ToString("N"),
        ChunkId = chunkId,
        AttemptId = task.AttemptId,
        ProteinId = task.ProteinId,
        BatchName = task.BatchName,
        Status = TaskResultRecord.FailedStatus,
        Error = error,
        ErrorClass = errorClass,
        ElapsedSeconds = (finished - started).TotalSeconds,
        PeakMemoryMb = PeakMemoryMb(),
        OutputPath = task.OutputPath,
        StartedAt = started,
        FinishedAt = finished,
    };

    /// <summary>A chain not run because a stop was requested for it: a cancellation, not a failure.</summary>
    public static TaskResultRecord Cancelled(string chunkId, ChunkTask task, string reason, DateTimeOffset at) =>
        Failure(chunkId, task, reason, at, at) with { Status = TaskResultRecord.CancelledStatus, ElapsedSeconds = 0 };

    /// <summary>The worker process's peak working set so far (a process-wide figure, not per chain).</summary>
    private static double PeakMemoryMb()
    {
        using var process = Process.GetCurrentProcess();
        return Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1);
    }
}
