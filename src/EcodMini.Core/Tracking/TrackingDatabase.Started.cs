namespace EcodMini.Core.Tracking;

public sealed partial class TrackingDatabase
{
    /// <summary>
    /// Moves the jobs of a chunk from submitted to running once their cluster job is seen running (one transaction,
    /// an event per job). Jobs whose current attempt is not the chunk's, or no longer submitted, are left alone.
    /// Returns how many moved.
    /// </summary>
    public int MarkChunkRunning(string chunkId, DateTimeOffset? now = null) => Write(transaction => MarkChunkRunningIn(transaction, chunkId, now));

    private int MarkChunkRunningIn(Microsoft.Data.Sqlite.SqliteTransaction transaction, string chunkId, DateTimeOffset? now = null)
    {
        var time = now ?? DateTimeOffset.UtcNow;
        using var find = Command("""
            SELECT j.id, j.protein_id, j.batch_name, j.job_id, j.retry_count, a.id FROM jobs j
            JOIN attempts a ON a.id = j.current_attempt_id
            WHERE a.chunk_id = $c AND a.status = 'running' AND j.status = 'submitted';
            """, transaction);
        find.Set("$c", chunkId);
        var jobs = new List<(long Id, string Protein, string Batch, string? Job, int Retry, long Attempt)>();
        using (var reader = find.ExecuteReader())
            while (reader.Read())
                jobs.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3), reader.GetInt32OrNull(4) ?? 0, reader.GetInt64(5)));
        using var move = Command("UPDATE jobs SET status = 'running', start_time = $t WHERE id = $id;", transaction);
        move.Set("$t", TrackingTime.ToText(time));
        using var events = new JobEventWriter(this, transaction);
        foreach (var job in jobs)
        {
            move.Set("$id", job.Id);
            move.ExecuteNonQuery();
            events.Write(job.Id, job.Protein, job.Batch, job.Job, JobStatus.Submitted, JobStatus.Running, time, job.Retry, "the scheduler started the job", job.Attempt);
        }
        return jobs.Count;
    }
}
