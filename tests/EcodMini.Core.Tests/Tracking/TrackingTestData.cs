using EcodMini.Core.Execution;
using EcodMini.Core.Model;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

/// <summary>Builders for tracker tests.</summary>
internal static class TrackingTestData
{
    /// <summary>A local-disk mount table, so tests get WAL wherever the temp folder lives.</summary>
    public static MountTable LocalMounts { get; } = MountTable.Parse("22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n");

    public static TrackingOpenOptions Local { get; } = new() { Mounts = LocalMounts };

    public static TrackingDatabase Open(string path) => TrackingDatabase.Open(path, Local);

    public static JobSubmission Submission(string protein, string batch = "ecod_batch_001") =>
        new(protein, protein[..4], protein[5..], batch, $"/out/{batch}/{protein}.mini.domains.xml");

    public static TaskResultRecord Result(string protein, string batch = "ecod_batch_001", bool ok = true, double coverage = 0.9,
        int domains = 2, DateTimeOffset? finished = null, string? recordId = null)
    {
        var end = finished ?? DateTimeOffset.UtcNow;
        return new TaskResultRecord
        {
            RecordId = recordId ?? Guid.NewGuid().ToString("N"),
            ChunkId = "chunk-1",
            ProteinId = protein,
            BatchName = batch,
            Status = ok ? TaskResultRecord.CompletedStatus : TaskResultRecord.FailedStatus,
            DomainCount = ok ? domains : 0,
            Coverage = ok ? coverage : 0,
            TotalResidues = 100,
            AssignedResidues = (int)(coverage * 100),
            Error = ok ? null : "summary unreadable",
            ElapsedSeconds = 0.5,
            QualityFlags = ok ? [new QualityFlag("low_coverage", QualityFlag.Warning, "coverage below 0.95")] : [],
            StartedAt = end.AddSeconds(-1),
            FinishedAt = end,
        };
    }
}
