using System.Globalization;
using EcodMini.Core.Execution;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tracking;

/// <summary>Idempotent recording of worker result records.</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>
    /// Records worker results in one transaction: a results row (keyed by RecordId; a record seen before changes
    /// nothing), its quality flags, and the job's move to completed or failed with an event. A job row is created
    /// when the result names a chain never submitted. A result older than the job's recorded end is kept as
    /// history but does not change the job's status.
    /// </summary>
    public IngestSummary RecordResults(IReadOnlyList<TaskResultRecord> records)
    {
        int recorded = 0, duplicates = 0, completed = 0, failed = 0;
        using var transaction = _connection.BeginTransaction();
        using var known = Command("SELECT COUNT(*) FROM results WHERE record_id = $r;", transaction);
        using var find = Command("SELECT id, status, job_id, retry_count, end_time FROM jobs WHERE protein_id = $p AND batch_name = $b;", transaction);
        using var createJob = Command("""
            INSERT INTO jobs (job_id, protein_id, pdb_id, chain_id, batch_name, status, submit_time, retry_count, output_xml)
            VALUES ($job, $p, $pdb, $chain, $b, 'running', $t, 0, $xml) RETURNING id;
            """, transaction);
        using var insertResult = Command("""
            INSERT INTO results (job_id, protein_id, domain_count, coverage_fraction, total_residues, assigned_residues,
                avg_confidence, evidence_count, discontinuous_domains, processing_time_seconds, peak_memory_mb, timestamp,
                record_id, status, output_path, started_at, finished_at)
            VALUES ($job, $p, $dc, $cov, $tot, $asg, $conf, $ev, $disc, $secs, $mem, $t, $r, $s, $out, $start, $t) RETURNING id;
            """, transaction);
        using var insertFlag = Command("""
            INSERT INTO quality_flags (job_id, protein_id, flag_type, severity, message, timestamp, result_ref)
            VALUES ($job, $p, $type, $sev, $msg, $t, $res);
            """, transaction);
        using var finish = Command("""
            UPDATE jobs SET status = $s, start_time = COALESCE(start_time, $start), end_time = $t, exit_code = $code,
                error_message = $err, output_xml = COALESCE($out, output_xml)
            WHERE id = $id;
            """, transaction);
        using var events = new JobEventWriter(this, transaction);

        foreach (var r in records)
        {
            known.Set("$r", r.RecordId);
            if (Convert.ToInt64(known.ExecuteScalar(), CultureInfo.InvariantCulture) > 0) { duplicates++; continue; }

            find.Set("$p", r.ProteinId);
            find.Set("$b", r.BatchName);
            long jobRef;
            string status;
            string? jobId;
            int retry;
            DateTimeOffset? endTime;
            using (var reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    jobRef = reader.GetInt64(0);
                    status = reader.GetString(1);
                    jobId = reader.GetStringOrNull(2);
                    retry = reader.GetInt32OrNull(3) ?? 0;
                    endTime = TrackingTime.Parse(reader.GetValue(4));
                }
                else
                {
                    jobRef = 0; status = ""; jobId = r.ChunkId; retry = 0; endTime = null;
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
                status = JobStatus.Running;
            }

            var finished = TrackingTime.ToText(r.FinishedAt);
            insertResult.Set("$job", jobRef);
            insertResult.Set("$p", r.ProteinId);
            insertResult.Set("$dc", r.DomainCount);
            insertResult.Set("$cov", r.Coverage);
            insertResult.Set("$tot", r.TotalResidues);
            insertResult.Set("$asg", r.AssignedResidues);
            insertResult.Set("$conf", r.AverageConfidence);
            insertResult.Set("$ev", r.EvidenceCount);
            insertResult.Set("$disc", r.DiscontinuousDomains);
            insertResult.Set("$secs", r.ElapsedSeconds);
            insertResult.Set("$mem", r.PeakMemoryMb);
            insertResult.Set("$t", finished);
            insertResult.Set("$r", r.RecordId);
            insertResult.Set("$s", r.Status);
            insertResult.Set("$out", r.OutputPath);
            insertResult.Set("$start", TrackingTime.ToText(r.StartedAt));
            var resultRef = Convert.ToInt64(insertResult.ExecuteScalar(), CultureInfo.InvariantCulture);
            recorded++;

            foreach (var flag in r.QualityFlags)
            {
                insertFlag.Set("$job", jobRef);
                insertFlag.Set("$p", r.ProteinId);
                insertFlag.Set("$type", flag.FlagType);
                insertFlag.Set("$sev", flag.Severity);
                insertFlag.Set("$msg", flag.Message);
                insertFlag.Set("$t", finished);
                insertFlag.Set("$res", resultRef);
                insertFlag.ExecuteNonQuery();
            }

            var stale = endTime is not null && JobStatus.IsFinished(status) && r.FinishedAt < endTime.Value;
            if (stale) continue;
            var newStatus = r.IsCompleted ? JobStatus.Completed : JobStatus.Failed;
            if (r.IsCompleted) completed++; else failed++;
            finish.Set("$s", newStatus);
            finish.Set("$start", TrackingTime.ToText(r.StartedAt));
            finish.Set("$t", finished);
            finish.Set("$code", r.IsCompleted ? 0 : 1);
            finish.Set("$err", r.Error);
            finish.Set("$out", r.OutputPath);
            finish.Set("$id", jobRef);
            finish.ExecuteNonQuery();
            events.Write(jobRef, r.ProteinId, r.BatchName, jobId, status, newStatus, r.FinishedAt, retry,
                r.IsCompleted ? $"{r.DomainCount} domains, coverage {r.Coverage.ToString("0.###", CultureInfo.InvariantCulture)}" : r.Error);
        }
        transaction.Commit();
        return new IngestSummary(recorded, duplicates, completed, failed, 0, 0);
    }

    /// <summary>Every result recorded for a protein (all batches), oldest first, with quality flags.</summary>
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
                   r.processing_time_seconds, r.peak_memory_mb, r.output_path, COALESCE(r.finished_at, r.timestamp)
            FROM results r LEFT JOIN jobs j ON j.id = r.job_id
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
                    QualityFlags = flags.TryGetValue(id, out var list) ? list : [],
                });
            }
        }
        return results;
    }
}
