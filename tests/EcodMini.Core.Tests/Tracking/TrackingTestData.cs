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

    /// <summary>A network file system (NFS) mounted at the root with working locks: the rollback journal (DELETE) is chosen.</summary>
    public static MountTable NetworkMounts { get; } = MountTable.Parse("22 1 0:40 / / rw,relatime - nfs4 server:/export rw,vers=4.2,hard\n");

    /// <summary>Open options under which the selector picks the given journal mode ("wal" or "delete") from the mount table.</summary>
    public static TrackingOpenOptions For(string journal) =>
        journal == JournalModeChoice.Delete ? new() { Mounts = NetworkMounts } : Local;

    public static TrackingDatabase Open(string path, string journal = JournalModeChoice.Wal)
    {
        var db = TrackingDatabase.Open(path, For(journal));
        Assert.Equal(journal, db.JournalMode);
        return db;
    }

    public static JobSubmission Submission(string protein, string batch = "ecod_batch_001") =>
        new(protein, protein[..4], protein[5..], batch, $"/out/{batch}/{protein}.mini.domains.xml");

    /// <summary>
    /// What a killed run leaves: its lease (owned by a process id that no longer exists on this host) and one running
    /// chunk holding every task, with its result file path.
    /// </summary>
    /// <param name="launched">False: the run was killed after recording the attempts and before launching the chunk (no executor job id).</param>
    public static IReadOnlyList<OpenAttempt> StartCrashedRun(TrackingDatabase db, IReadOnlyList<EcodMini.Core.Scanning.ProteinTask> tasks, string runId, string resultsPath,
        bool launched = true)
    {
        var jobs = db.RecordSubmissions(tasks.Select(t => new JobSubmission(t.ProteinId, t.Pdb, t.Chain, t.BatchName, t.OutputPath, SummaryPath: t.SummaryPath)).ToList());
        db.AcquireLease(DeadOwner(runId), new LeaseOptions());
        var attempts = db.StartAttempts(jobs.Select(j => j.Job.Id).ToList(), new AttemptLaunch(runId, "local", runId + "-00000", resultsPath));
        if (launched) db.SetExecutorJobId(runId + "-00000", "thread-1-dead-1");
        return attempts;
    }

    /// <summary>A lease claim by a process of this host that is not running (pid beyond the kernel's limit).</summary>
    public static TrackerLease DeadOwner(string runId) =>
        ProcessIdentity.Claim(runId) with { ProcessId = 99_999_999, ProcessStart = "2020-01-01T00:00:00.0000000Z" };

    /// <summary>A lease claim by this (live) process under another run id.</summary>
    public static TrackerLease LiveOwner(string runId) => ProcessIdentity.Claim(runId);

    /// <summary>A lease claim by a process on another machine (another host name and boot).</summary>
    public static TrackerLease RemoteOwner(string runId, string host = "login2.other-cluster") =>
        new() { RunId = runId, Host = host, ProcessId = 42, BootId = "another-boot", PidNamespace = "pid:[1]" };

    public static TaskResultRecord Result(string protein, string batch = "ecod_batch_001", bool ok = true, double coverage = 0.9,
        int domains = 2, DateTimeOffset? finished = null, string? recordId = null, double confidence = 0.9)
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
            AverageConfidence = ok ? confidence : 0,
            Error = ok ? null : "summary unreadable",
            ElapsedSeconds = 0.5,
            QualityFlags = ok ? [new QualityFlag("low_coverage", QualityFlag.Warning, "coverage below 0.95")] : [],
            StartedAt = end.AddSeconds(-1),
            FinishedAt = end,
        };
    }
}
