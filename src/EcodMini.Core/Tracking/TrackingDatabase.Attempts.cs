using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>
/// Attempt identity: every start of a job is an attempt row (number, run, chunk, executor job id, result file); the
/// job row points at its current attempt. Only a record for the current attempt changes the job (see RecordResults).
/// </summary>
public sealed partial class TrackingDatabase
{
    /// <summary>
    /// Starts one attempt per job (by row id) in one transaction: attempt number = the job's attempts so far + 1, the
    /// job becomes running (or submitted, for a cluster) with this attempt as its current one, an event names it. The
    /// job's start time is set only when it runs now; a submitted job gets it when the cluster starts it (or from its
    /// worker's record). Returns the attempts, in order.
    /// </summary>
    public IReadOnlyList<OpenAttempt> StartAttempts(IReadOnlyList<long> jobRefs, AttemptLaunch launch, DateTimeOffset? now = null) => Write(transaction => StartAttemptsIn(transaction, jobRefs, launch, now));

    private IReadOnlyList<OpenAttempt> StartAttemptsIn(Microsoft.Data.Sqlite.SqliteTransaction transaction, IReadOnlyList<long> jobRefs, AttemptLaunch launch, DateTimeOffset? now = null)
    {
        var time = TrackingTime.ToText(now ?? DateTimeOffset.UtcNow);
        var started = new List<OpenAttempt>(jobRefs.Count);
        using var find = Command("""
            SELECT protein_id, batch_name, status, attempt_count, retry_count, output_xml, summary_path, blast_path
            FROM jobs WHERE id = $id;
            """, transaction);
        using var insert = Command("""
            INSERT INTO attempts (job_ref, attempt_number, run_id, launcher, chunk_id, results_path, status, started_at, module_version, module_path)
            VALUES ($job, $n, $run, $launcher, $chunk, $results, 'running', $t, $version, $module) RETURNING id;
            """, transaction);
        insert.Set("$version", launch.ModuleVersion);
        insert.Set("$module", launch.ModulePath);
        insert.Set("$run", launch.RunId);
        insert.Set("$launcher", launch.Launcher);
        insert.Set("$chunk", launch.ChunkId);
        insert.Set("$results", launch.ResultsPath);
        insert.Set("$t", time);
        using var update = Command("""
            UPDATE jobs SET status = $status, job_id = $chunk, start_time = CASE WHEN $status = 'running' THEN $t END, end_time = NULL, exit_code = NULL,
                error_message = NULL, current_attempt_id = $attempt, attempt_count = $n WHERE id = $id;
            """, transaction);
        update.Set("$chunk", launch.ChunkId);
        update.Set("$status", launch.JobStatus);
        update.Set("$t", time);
        using var events = new JobEventWriter(this, transaction);
        foreach (var jobRef in jobRefs)
        {
            find.Set("$id", jobRef);
            string protein, batch, status;
            int number, retry;
            string? output, summary, blast;
            using (var reader = find.ExecuteReader())
            {
                if (!reader.Read()) throw new InvalidOperationException($"{Path}: job {jobRef} does not exist");
                (protein, batch, status) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                number = reader.GetInt32(3) + 1;
                retry = reader.GetInt32OrNull(4) ?? 0;
                (output, summary, blast) = (reader.GetStringOrNull(5), reader.GetStringOrNull(6), reader.GetStringOrNull(7));
            }
            insert.Set("$job", jobRef);
            insert.Set("$n", number);
            var attemptId = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            update.Set("$attempt", attemptId);
            update.Set("$n", number);
            update.Set("$id", jobRef);
            update.ExecuteNonQuery();
            events.Write(jobRef, protein, batch, launch.ChunkId, status, launch.JobStatus, now ?? DateTimeOffset.UtcNow, retry,
                $"attempt {number} started (run {launch.RunId}, chunk {launch.ChunkId}{(launch.ModuleVersion is null ? "" : $", EcodMini {launch.ModuleVersion}")})", attemptId);
            started.Add(new OpenAttempt
            {
                AttemptId = attemptId, JobRef = jobRef, ProteinId = protein, BatchName = batch, AttemptNumber = number,
                RunId = launch.RunId, ChunkId = launch.ChunkId, ResultsPath = launch.ResultsPath, OutputPath = output,
                SummaryPath = summary, BlastPath = blast, Launcher = launch.Launcher,
            });
        }
        return started;
    }

    /// <summary>Records the executor's job id (SLURM job/array task id, local thread id) on a chunk's attempts and their jobs.</summary>
    public void SetExecutorJobId(string chunkId, string executorJobId) => Write(transaction => SetExecutorJobIdIn(transaction, chunkId, executorJobId));

    private void SetExecutorJobIdIn(Microsoft.Data.Sqlite.SqliteTransaction transaction, string chunkId, string executorJobId)
    {
        using var attempts = Command("UPDATE attempts SET executor_job_id = $e WHERE chunk_id = $c;", transaction);
        attempts.Set("$e", executorJobId);
        attempts.Set("$c", chunkId);
        attempts.ExecuteNonQuery();
        using var jobs = Command("UPDATE jobs SET job_id = $e WHERE current_attempt_id IN (SELECT id FROM attempts WHERE chunk_id = $c);", transaction);
        jobs.Set("$e", executorJobId);
        jobs.Set("$c", chunkId);
        jobs.ExecuteNonQuery();
    }

    /// <summary>Attempts still marked running, except those of <paramref name="exceptRunId"/>, by chunk then attempt id.</summary>
    public IReadOnlyList<OpenAttempt> GetOpenAttempts(string? exceptRunId = null)
    {
        using var command = Command("""
            SELECT a.id, a.job_ref, j.protein_id, j.batch_name, a.attempt_number, a.run_id, a.chunk_id, a.executor_job_id,
                   a.results_path, j.output_xml, j.summary_path, j.blast_path, a.launcher
            FROM attempts a JOIN jobs j ON j.id = a.job_ref
            WHERE a.status = 'running' AND ($run IS NULL OR a.run_id <> $run) ORDER BY a.chunk_id, a.id;
            """);
        command.Set("$run", exceptRunId);
        var open = new List<OpenAttempt>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            open.Add(new OpenAttempt
            {
                AttemptId = reader.GetInt64(0), JobRef = reader.GetInt64(1), ProteinId = reader.GetString(2), BatchName = reader.GetString(3),
                AttemptNumber = reader.GetInt32(4), RunId = reader.GetString(5), ChunkId = reader.GetStringOrNull(6),
                ExecutorJobId = reader.GetStringOrNull(7), ResultsPath = reader.GetStringOrNull(8), OutputPath = reader.GetStringOrNull(9),
                SummaryPath = reader.GetStringOrNull(10), BlastPath = reader.GetStringOrNull(11), Launcher = reader.GetStringOrNull(12) ?? "",
            });
        }
        return open;
    }

    /// <summary>
    /// Ends running attempts that produced no result (lost, cancelled, timed out) in one transaction. A job whose
    /// current attempt it is moves to <paramref name="jobStatus"/> (pending = requeued, not a retry) with an event; an
    /// attempt that is no longer current, or already ended, changes nothing. Returns how many jobs moved.
    /// </summary>
    public int CloseAttempts(IReadOnlyList<long> attemptIds, string attemptStatus, string jobStatus, string detail, DateTimeOffset? now = null) => Write(transaction => CloseAttemptsIn(transaction, attemptIds, attemptStatus, jobStatus, detail, now));

    private int CloseAttemptsIn(Microsoft.Data.Sqlite.SqliteTransaction transaction, IReadOnlyList<long> attemptIds, string attemptStatus, string jobStatus, string detail, DateTimeOffset? now = null)
    {
        if (!JobStatus.All.Contains(jobStatus)) throw new ArgumentException($"Unknown job status '{jobStatus}'", nameof(jobStatus));
        var time = now ?? DateTimeOffset.UtcNow;
        using var close = Command("""
            UPDATE attempts SET status = $s, ended_at = $t, detail = $d WHERE id = $a AND status = 'running' RETURNING job_ref;
            """, transaction);
        close.Set("$s", attemptStatus);
        close.Set("$t", TrackingTime.ToText(time));
        close.Set("$d", detail);
        using var find = Command("SELECT protein_id, batch_name, status, job_id, retry_count FROM jobs WHERE id = $id AND current_attempt_id = $a;", transaction);
        using var move = Command("""
            UPDATE jobs SET status = $s, end_time = CASE WHEN $s = 'pending' THEN NULL ELSE $t END,
                start_time = CASE WHEN $s = 'pending' THEN NULL ELSE start_time END, error_message = $d,
                error_class = CASE WHEN $s IN ('failed', 'timeout', 'cancelled') THEN 'transient' END WHERE id = $id;
            """, transaction);
        move.Set("$s", jobStatus);
        move.Set("$t", TrackingTime.ToText(time));
        move.Set("$d", jobStatus == JobStatus.Pending ? null : detail);
        using var events = new JobEventWriter(this, transaction);
        var moved = 0;
        foreach (var attemptId in attemptIds)
        {
            close.Set("$a", attemptId);
            var jobRef = close.ExecuteScalar();
            if (jobRef is null or DBNull) continue;
            find.Set("$id", jobRef);
            find.Set("$a", attemptId);
            using (var reader = find.ExecuteReader())
            {
                if (!reader.Read()) continue;
                var id = Convert.ToInt64(jobRef, CultureInfo.InvariantCulture);
                var (protein, batch, from, job, retry) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3), reader.GetInt32OrNull(4) ?? 0);
                reader.Close();
                move.Set("$id", id);
                move.ExecuteNonQuery();
                events.Write(id, protein, batch, job, from, jobStatus, time, retry, detail, attemptId);
            }
            moved++;
        }
        return moved;
    }
}
