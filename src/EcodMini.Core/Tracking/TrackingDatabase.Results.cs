using System.Globalization;
using EcodMini.Core.Execution;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tracking;

/// <summary>Idempotent recording of worker result records.</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>
    /// Records worker results in one transaction: a results row (keyed by RecordId; a record seen before changes
    /// nothing) naming its attempt, its quality flags, and, only for the job's current attempt and that attempt's
    /// first result, the job's move to completed or failed with its current result set and an event. Any other record
    /// (an older attempt's, a second one for an attempt) is stored as history and changes neither the job's status
    /// nor its current result. A record without an attempt id (an older worker) counts as current only for a job
    /// with no current attempt and no current result; a job row is created when it names a chain never submitted.
    /// </summary>
    public IngestSummary RecordResults(IReadOnlyList<TaskResultRecord> records) => Write(transaction => RecordResultsIn(transaction, records));

    private IngestSummary RecordResultsIn(Microsoft.Data.Sqlite.SqliteTransaction transaction, IReadOnlyList<TaskResultRecord> records)
    {
        int recorded = 0, duplicates = 0, completed = 0, failed = 0, stale = 0;
        using var writer = new ResultRowWriter(this, transaction);
        using var byAttempt = Command("""
            SELECT j.id, j.status, j.job_id, j.retry_count, j.current_attempt_id = a.id AND a.result_ref IS NULL
            FROM attempts a JOIN jobs j ON j.id = a.job_ref WHERE a.id = $a AND j.protein_id = $p AND j.batch_name = $b;
            """, transaction);
        using var byChain = Command("""
            SELECT id, status, job_id, retry_count, current_attempt_id IS NULL AND current_result_id IS NULL
            FROM jobs WHERE protein_id = $p AND batch_name = $b;
            """, transaction);
        using var createJob = Command("""
            INSERT INTO jobs (job_id, protein_id, pdb_id, chain_id, batch_name, status, submit_time, retry_count, output_xml)
            VALUES ($job, $p, $pdb, $chain, $b, 'running', $t, 0, $xml) RETURNING id;
            """, transaction);
        using var finishAttempt = Command("UPDATE attempts SET status = $s, ended_at = $t, result_ref = $res WHERE id = $a;", transaction);
        using var finish = Command("""
            UPDATE jobs SET status = $s, start_time = COALESCE(start_time, $start), end_time = $t, exit_code = $code,
                error_message = $err, output_xml = COALESCE($out, output_xml), current_result_id = $res
            WHERE id = $id;
            """, transaction);
        using var events = new JobEventWriter(this, transaction);

        foreach (var r in records)
        {
            var lookup = r.AttemptId is null ? byChain : byAttempt;
            lookup.Set("$p", r.ProteinId);
            lookup.Set("$b", r.BatchName);
            if (r.AttemptId is { } a) lookup.Set("$a", a);
            long jobRef = 0;
            string status = JobStatus.Running;
            string? jobId = r.ChunkId;
            int retry = 0;
            var current = true;
            using (var reader = lookup.ExecuteReader())
            {
                if (reader.Read())
                {
                    (jobRef, status, jobId, retry) = (reader.GetInt64(0), reader.GetString(1), reader.GetStringOrNull(2), reader.GetInt32OrNull(3) ?? 0);
                    current = !reader.IsDBNull(4) && reader.GetInt64(4) != 0;
                }
            }
            var attemptId = jobRef == 0 ? null : r.AttemptId;
            if (jobRef == 0 && r.AttemptId is not null)
            {
                // The attempt is unknown here (a manifest from another database): only the chain identifies the record.
                byChain.Set("$p", r.ProteinId);
                byChain.Set("$b", r.BatchName);
                using var reader = byChain.ExecuteReader();
                if (reader.Read())
                {
                    (jobRef, status, jobId, retry) = (reader.GetInt64(0), reader.GetString(1), reader.GetStringOrNull(2), reader.GetInt32OrNull(3) ?? 0);
                    current = !reader.IsDBNull(4) && reader.GetInt64(4) != 0;
                }
            }
            if (jobRef == 0)
            {
                var id = Model.ProteinId.TryParse(r.ProteinId, out var parsed) ? parsed : null;
                createJob.Set("$job", r.ChunkId);
                createJob.Set("$p", r.ProteinId);
                createJob.Set("$pdb", id?.Pdb ?? "");
                createJob.Set("$chain", id?.Chain ?? "");
                createJob.Set("$b", r.BatchName);
                createJob.Set("$t", TrackingTime.ToText(r.StartedAt));
                createJob.Set("$xml", r.OutputPath);
                jobRef = Convert.ToInt64(createJob.ExecuteScalar(), CultureInfo.InvariantCulture);
                current = true;
            }

            var resultRef = writer.Insert(jobRef, attemptId, r);
            if (resultRef is null) { duplicates++; continue; }
            recorded++;
            if (!current) { stale++; continue; }

            var newStatus = r.IsCompleted ? JobStatus.Completed : JobStatus.Failed;
            if (r.IsCompleted) completed++; else failed++;
            var finished = TrackingTime.ToText(r.FinishedAt);
            if (attemptId is { } attempt)
            {
                finishAttempt.Set("$s", newStatus);
                finishAttempt.Set("$t", finished);
                finishAttempt.Set("$res", resultRef);
                finishAttempt.Set("$a", attempt);
                finishAttempt.ExecuteNonQuery();
            }
            finish.Set("$s", newStatus);
            finish.Set("$start", TrackingTime.ToText(r.StartedAt));
            finish.Set("$t", finished);
            finish.Set("$code", r.IsCompleted ? 0 : 1);
            finish.Set("$err", r.Error);
            finish.Set("$out", r.OutputPath);
            finish.Set("$res", resultRef);
            finish.Set("$id", jobRef);
            finish.ExecuteNonQuery();
            events.Write(jobRef, r.ProteinId, r.BatchName, jobId, status, newStatus, r.FinishedAt, retry,
                r.IsCompleted ? $"{r.DomainCount} domains, coverage {r.Coverage.ToString("0.###", CultureInfo.InvariantCulture)}" : r.Error, attemptId);
        }
        return new IngestSummary(recorded, duplicates, completed, failed, 0, 0, stale);
    }

    /// <summary>Every result recorded for a protein (all batches), oldest first, with quality flags; IsCurrent marks each job's current one.</summary>
    public IReadOnlyList<StoredResult> GetResults(string proteinId)
    {
        var flags = new Dictionary<long, List<QualityFlag>>();
        using (var flagCommand = Command("SELECT result_ref, flag_type, severity, message FROM quality_flags WHERE protein_id = $p AND result_ref IS NOT NULL ORDER BY id;"))
        {
            flagCommand.Set("$p", proteinId);
            using var reader = flagCommand.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetInt64(0);
                if (!flags.TryGetValue(key, out var list)) flags[key] = list = [];
                list.Add(new QualityFlag(reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3) ?? ""));
            }
        }
        using var command = Command("""
            SELECT r.id, r.protein_id, j.batch_name, r.status, r.domain_count, r.coverage_fraction, r.total_residues,
                   r.assigned_residues, r.avg_confidence, r.evidence_count, r.discontinuous_domains,
                   r.processing_time_seconds, r.peak_memory_mb, r.output_path, COALESCE(r.finished_at, r.timestamp),
                   r.attempt_id, a.attempt_number, j.current_result_id = r.id
            FROM results r LEFT JOIN jobs j ON j.id = r.job_id LEFT JOIN attempts a ON a.id = r.attempt_id
            WHERE r.protein_id = $p ORDER BY r.id;
            """);
        command.Set("$p", proteinId);
        var results = new List<StoredResult>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                results.Add(new StoredResult
                {
                    Id = id, ProteinId = reader.GetString(1), BatchName = reader.GetStringOrNull(2) ?? "",
                    Status = reader.GetStringOrNull(3), DomainCount = reader.GetInt32OrNull(4), Coverage = reader.GetDoubleOrNull(5),
                    TotalResidues = reader.GetInt32OrNull(6), AssignedResidues = reader.GetInt32OrNull(7),
                    AverageConfidence = reader.GetDoubleOrNull(8), EvidenceCount = reader.GetInt32OrNull(9),
                    DiscontinuousDomains = reader.GetInt32OrNull(10), ProcessingSeconds = reader.GetDoubleOrNull(11),
                    PeakMemoryMb = reader.GetDoubleOrNull(12), OutputPath = reader.GetStringOrNull(13),
                    FinishedAt = TrackingTime.Parse(reader.GetValue(14)),
                    AttemptId = reader.IsDBNull(15) ? null : reader.GetInt64(15), AttemptNumber = reader.GetInt32OrNull(16),
                    IsCurrent = !reader.IsDBNull(17) && reader.GetInt64(17) != 0,
                    QualityFlags = flags.TryGetValue(id, out var list) ? list : [],
                });
            }
        }
        return results;
    }
}
