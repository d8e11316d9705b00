using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>Job submission and status transitions (each with a job_events row).</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>
    /// Records chains as submitted, in one transaction, and decides per chain (in order) whether it should run. A new
    /// (protein, batch) gets a pending row. A failed, timed-out or cancelled one is queued again (pending,
    /// retry_count + 1, parent_job_id = its old job id) when the retry policy allows it now; else it stays as it is,
    /// deferred (retry not due) or failed for good (retries exhausted, or a permanent error: never retried). A completed one is left as it is. A running one
    /// whose current attempt is still running is in progress; one without a running attempt (interrupted, no result)
    /// is requeued. <see cref="SubmissionRules.Force"/> queues every chain. Never starts an attempt.
    /// </summary>
    public IReadOnlyList<SubmittedJob> RecordSubmissions(IReadOnlyList<JobSubmission> submissions, SubmissionRules? rules = null, DateTimeOffset? now = null) => Write(transaction => RecordSubmissionsIn(transaction, submissions, rules, now));

    private IReadOnlyList<SubmittedJob> RecordSubmissionsIn(Microsoft.Data.Sqlite.SqliteTransaction transaction, IReadOnlyList<JobSubmission> submissions, SubmissionRules? rules = null, DateTimeOffset? now = null)
    {
        rules ??= SubmissionRules.Default;
        var time = now ?? DateTimeOffset.UtcNow;
        var records = new List<SubmittedJob>(submissions.Count);
        using var find = Command("""
            SELECT j.id, j.status, j.job_id, j.retry_count, j.end_time, a.status, j.error_class FROM jobs j
            LEFT JOIN attempts a ON a.id = j.current_attempt_id WHERE j.protein_id = $p AND j.batch_name = $b;
            """, transaction);
        var findP = find.Parameters.Add("$p", SqliteType.Text);
        var findB = find.Parameters.Add("$b", SqliteType.Text);
        using var insert = Command("""
            INSERT INTO jobs (job_id, protein_id, pdb_id, chain_id, batch_name, status, submit_time, retry_count,
                              script_path, output_log, error_log, output_xml, summary_path, blast_path)
            VALUES ($job, $p, $pdb, $chain, $b, 'pending', $t, 0, $script, $out, $err, $xml, $sum, $blast) RETURNING id;
            """, transaction);
        using var resubmit = Command("""
            UPDATE jobs SET status = 'pending', job_id = COALESCE($job, job_id), submit_time = $t, start_time = NULL,
                end_time = NULL, exit_code = NULL, error_message = NULL, error_class = NULL, retry_count = $retry, parent_job_id = $parent,
                script_path = COALESCE($script, script_path), output_log = COALESCE($out, output_log),
                error_log = COALESCE($err, error_log), output_xml = COALESCE($xml, output_xml),
                summary_path = COALESCE($sum, summary_path), blast_path = COALESCE($blast, blast_path)
            WHERE id = $id;
            """, transaction);
        using var events = new JobEventWriter(this, transaction);

        foreach (var s in submissions)
        {
            findP.Value = s.ProteinId;
            findB.Value = s.BatchName;
            long id = 0;
            string? status = null, oldJobId = null, attemptStatus = null, errorClass = null;
            var retry = 0;
            DateTimeOffset? ended = null;
            using (var reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    id = reader.GetInt64(0);
                    status = reader.GetString(1);
                    oldJobId = reader.GetStringOrNull(2);
                    retry = reader.GetInt32OrNull(3) ?? 0;
                    ended = TrackingTime.Parse(reader.GetValue(4));
                    attemptStatus = reader.GetStringOrNull(5);
                    errorClass = reader.GetStringOrNull(6);
                }
            }

            JobRecord Existing() => new()
            {
                Id = id, JobId = oldJobId, ProteinId = s.ProteinId, BatchName = s.BatchName, Pdb = s.Pdb, Chain = s.Chain,
                Status = status!, RetryCount = retry, EndTime = ended, OutputPath = s.OutputPath,
            };
            if (status is not null && !rules.Force)
            {
                var errorKind = Model.ErrorClassifier.Parse(errorClass);
                var decision = rules.Retry.Decide(status, retry, ended, time, errorKind,
                    errorKind == Model.ErrorClass.Permanent ? InputChangedAt(s.SummaryPath) : null);
                SubmissionOutcome? kept = status == JobStatus.Completed && !s.RunAgain ? SubmissionOutcome.AlreadyCompleted
                    : JobStatus.IsActive(status) && attemptStatus == AttemptStatus.Running ? SubmissionOutcome.InProgress
                    : decision == RetryDecision.NotDue ? SubmissionOutcome.RetryNotDue
                    : decision == RetryDecision.Exhausted ? SubmissionOutcome.RetriesExhausted
                    : decision == RetryDecision.Permanent ? SubmissionOutcome.FailedPermanently
                    : null;
                if (kept is { } outcome)
                {
                    records.Add(new SubmittedJob(Existing(), outcome, outcome == SubmissionOutcome.RetryNotDue ? rules.Retry.NextAttemptAt(retry, ended) : null));
                    continue;
                }
            }

            string? parent = null;
            if (status is null)
            {
                BindCommon(insert, s, time);
                insert.Set("$p", s.ProteinId);
                insert.Set("$b", s.BatchName);
                insert.Set("$pdb", s.Pdb);
                insert.Set("$chain", s.Chain);
                id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
                events.Write(id, s.ProteinId, s.BatchName, s.JobId, null, JobStatus.Pending, time, 0, "submitted", null);
            }
            else
            {
                var isRetry = JobStatus.IsRetryable(status);
                if (isRetry) { retry++; parent = oldJobId; }
                BindCommon(resubmit, s, time);
                resubmit.Set("$retry", retry);
                resubmit.Set("$parent", parent);
                resubmit.Set("$id", id);
                resubmit.ExecuteNonQuery();
                var detail = isRetry ? $"resubmitted after {status} (retry {retry})"
                    : status == JobStatus.Completed ? (s.RunAgain ? "rerun of a completed chain: inputs, version or options changed, or its output is missing" : "forced rerun of a completed chain")
                    : $"requeued: was {status} with no result recorded";
                if (status != JobStatus.Pending)
                    events.Write(id, s.ProteinId, s.BatchName, s.JobId ?? oldJobId, status, JobStatus.Pending, time, retry, detail, null);
            }
            records.Add(new SubmittedJob(new JobRecord
            {
                Id = id, JobId = s.JobId ?? oldJobId, ProteinId = s.ProteinId, Pdb = s.Pdb, Chain = s.Chain, BatchName = s.BatchName,
                Status = JobStatus.Pending, SubmitTime = time, RetryCount = retry, ParentJobId = parent, OutputPath = s.OutputPath,
                SummaryPath = s.SummaryPath, BlastPath = s.BlastPath,
            }, SubmissionOutcome.Queued));
        }
        return records;
    }

    /// <summary>
    /// Moves jobs (by row id) to a status in one transaction, with an event row each. Running sets start_time
    /// (and the job id when given); a finished status sets end_time; pending clears both.
    /// </summary>
    public int TransitionStatus(IReadOnlyList<long> jobIds, string status, DateTimeOffset? now = null, string? detail = null, string? jobId = null) => Write(transaction => TransitionStatusIn(transaction, jobIds, status, now, detail, jobId));

    private int TransitionStatusIn(Microsoft.Data.Sqlite.SqliteTransaction transaction, IReadOnlyList<long> jobIds, string status, DateTimeOffset? now = null, string? detail = null, string? jobId = null)
    {
        if (!JobStatus.All.Contains(status)) throw new ArgumentException($"Unknown job status '{status}'", nameof(status));
        var time = now ?? DateTimeOffset.UtcNow;
        using var find = Command("SELECT protein_id, batch_name, status, job_id, retry_count FROM jobs WHERE id = $id;", transaction);
        var findId = find.Parameters.Add("$id", SqliteType.Integer);
        using var update = Command("""
            UPDATE jobs SET status = $s, job_id = COALESCE($job, job_id),
                start_time = CASE WHEN $s = 'running' THEN $t WHEN $s = 'pending' THEN NULL ELSE start_time END,
                end_time = CASE WHEN $s IN ('completed', 'failed', 'timeout', 'cancelled') THEN $t WHEN $s IN ('pending', 'running') THEN NULL ELSE end_time END
            WHERE id = $id;
            """, transaction);
        update.Parameters.AddWithValue("$s", status);
        update.Parameters.AddWithValue("$t", TrackingTime.ToText(time));
        update.Parameters.AddWithValue("$job", (object?)jobId ?? DBNull.Value);
        var updateId = update.Parameters.Add("$id", SqliteType.Integer);
        using var events = new JobEventWriter(this, transaction);
        var changed = 0;
        foreach (var id in jobIds)
        {
            findId.Value = id;
            string protein, batch, from;
            string? oldJob;
            int retry;
            using (var reader = find.ExecuteReader())
            {
                if (!reader.Read()) continue;
                protein = reader.GetString(0);
                batch = reader.GetString(1);
                from = reader.GetString(2);
                oldJob = reader.IsDBNull(3) ? null : reader.GetString(3);
                retry = reader.IsDBNull(4) ? 0 : reader.GetInt32(4);
            }
            updateId.Value = id;
            update.ExecuteNonQuery();
            events.Write(id, protein, batch, jobId ?? oldJob, from, status, time, retry, detail, null);
            changed++;
        }
        return changed;
    }

    private static void BindCommon(SqliteCommand command, JobSubmission s, DateTimeOffset time)
    {
        command.Set("$job", s.JobId);
        command.Set("$t", TrackingTime.ToText(time));
        command.Set("$script", s.ScriptPath);
        command.Set("$out", s.OutputLog);
        command.Set("$err", s.ErrorLog);
        command.Set("$xml", s.OutputPath);
        command.Set("$sum", s.SummaryPath);
        command.Set("$blast", s.BlastPath);
    }
}
