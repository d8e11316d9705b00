using System.Globalization;
using EcodMini.Core.Execution;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>Inserts a result record's results row and quality flags inside a caller's transaction, with prepared commands.</summary>
internal sealed class ResultRowWriter : IDisposable
{
    private readonly SqliteCommand _result;
    private readonly SqliteCommand _flag;

    public ResultRowWriter(TrackingDatabase database, SqliteTransaction transaction)
    {
        _result = database.Command("""
            INSERT INTO results (job_id, protein_id, domain_count, coverage_fraction, total_residues, assigned_residues,
                avg_confidence, evidence_count, discontinuous_domains, processing_time_seconds, peak_memory_mb, timestamp,
                record_id, status, output_path, started_at, finished_at, attempt_id, error_class, domains)
            VALUES ($job, $p, $dc, $cov, $tot, $asg, $conf, $ev, $disc, $secs, $mem, $t, $r, $s, $out, $start, $t, $attempt, $class, $domains)
            ON CONFLICT (record_id) DO NOTHING RETURNING id;
            """, transaction);
        _flag = database.Command("""
            INSERT INTO quality_flags (job_id, protein_id, flag_type, severity, message, timestamp, result_ref)
            VALUES ($job, $p, $type, $sev, $msg, $t, $res);
            """, transaction);
    }

    /// <summary>The new results row id, or null when a row with this record id exists already (nothing written).</summary>
    public long? Insert(long jobRef, long? attemptId, TaskResultRecord r)
    {
        var finished = TrackingTime.ToText(r.FinishedAt);
        _result.Set("$job", jobRef);
        _result.Set("$p", r.ProteinId);
        _result.Set("$dc", r.DomainCount);
        _result.Set("$domains", r.Domains.Count == 0 ? null : string.Join("\n", r.Domains));
        _result.Set("$cov", r.Coverage);
        _result.Set("$tot", r.TotalResidues);
        _result.Set("$asg", r.AssignedResidues);
        _result.Set("$conf", r.AverageConfidence);
        _result.Set("$ev", r.EvidenceCount);
        _result.Set("$disc", r.DiscontinuousDomains);
        _result.Set("$secs", r.ElapsedSeconds);
        _result.Set("$mem", r.PeakMemoryMb);
        _result.Set("$t", finished);
        _result.Set("$r", r.RecordId);
        _result.Set("$s", r.Status);
        _result.Set("$out", r.OutputPath);
        _result.Set("$start", TrackingTime.ToText(r.StartedAt));
        _result.Set("$attempt", attemptId);
        _result.Set("$class", StoredErrorClass(r));
        var id = _result.ExecuteScalar();
        if (id is null or DBNull) return null;
        var resultRef = Convert.ToInt64(id, CultureInfo.InvariantCulture);
        foreach (var flag in r.QualityFlags)
        {
            _flag.Set("$job", jobRef);
            _flag.Set("$p", r.ProteinId);
            _flag.Set("$type", flag.FlagType);
            _flag.Set("$sev", flag.Severity);
            _flag.Set("$msg", flag.Message);
            _flag.Set("$t", finished);
            _flag.Set("$res", resultRef);
            _flag.ExecuteNonQuery();
        }
        return resultRef;
    }

    /// <summary>The error class a record stores: none for a completion; a failure from an older worker counts as transient.</summary>
    public static string? StoredErrorClass(TaskResultRecord r) =>
        r.IsCompleted ? null : Model.ErrorClassifier.ToText(r.ErrorClass ?? Model.ErrorClass.Transient);

    public void Dispose()
    {
        _result.Dispose();
        _flag.Dispose();
    }
}
