using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>Appends job_events rows inside a caller's transaction with one prepared command.</summary>
internal sealed class JobEventWriter : IDisposable
{
    private readonly SqliteCommand _command;

    public JobEventWriter(TrackingDatabase database, SqliteTransaction transaction)
    {
        _command = database.Command("""
            INSERT INTO job_events (job_ref, protein_id, batch_name, job_id, from_status, to_status, event_time, retry_count, detail, attempt_id)
            VALUES ($ref, $p, $b, $job, $from, $to, $t, $retry, $detail, $attempt);
            """, transaction);
        foreach (var name in new[] { "$ref", "$p", "$b", "$job", "$from", "$to", "$t", "$retry", "$detail", "$attempt" })
            _command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
    }

    public void Write(long jobRef, string protein, string batch, string? jobId, string? from, string to, DateTimeOffset time, int retry, string? detail, long? attemptId)
    {
        var p = _command.Parameters;
        p["$ref"].Value = jobRef;
        p["$p"].Value = protein;
        p["$b"].Value = batch;
        p["$job"].Value = (object?)jobId ?? DBNull.Value;
        p["$from"].Value = (object?)from ?? DBNull.Value;
        p["$to"].Value = to;
        p["$t"].Value = TrackingTime.ToText(time);
        p["$retry"].Value = retry;
        p["$detail"].Value = (object?)detail ?? DBNull.Value;
        p["$attempt"].Value = (object?)attemptId ?? DBNull.Value;
        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
