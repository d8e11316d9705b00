using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>Read-side queries over attempts: a job's attempts, and the attempts an executor job id ran.</summary>
public sealed partial class TrackingDatabase
{
    private const string AttemptSelect = """
        SELECT a.id, a.job_ref, j.protein_id, j.batch_name, a.attempt_number, a.run_id, a.launcher, a.chunk_id,
               a.executor_job_id, a.results_path, a.status, a.started_at, a.ended_at, a.detail
        FROM attempts a JOIN jobs j ON j.id = a.job_ref
        """;

    /// <summary>Every attempt of one job (by the jobs table's row id), first attempt first.</summary>
    public IReadOnlyList<AttemptRecord> GetAttempts(long jobRef)
    {
        using var command = Command($"{AttemptSelect} WHERE a.job_ref = $job ORDER BY a.attempt_number;");
        command.Set("$job", jobRef);
        return ReadAttempts(command);
    }

    /// <summary>
    /// The attempts an executor job ran: a SLURM array task (<c>123_4</c>), every task of a SLURM job or array
    /// (<c>123</c>), a local worker id, or a chunk id; in chain order.
    /// </summary>
    public IReadOnlyList<AttemptRecord> FindAttemptsByJobId(string jobId)
    {
        using var command = Command($"""
            {AttemptSelect} WHERE a.executor_job_id = $id OR a.executor_job_id LIKE $tasks ESCAPE '\' OR a.chunk_id = $id
            ORDER BY j.batch_name, j.protein_id, a.attempt_number;
            """);
        command.Set("$id", jobId);
        command.Set("$tasks", LikeLiteral(jobId) + @"\_%");
        return ReadAttempts(command);
    }

    private static List<AttemptRecord> ReadAttempts(SqliteCommand command)
    {
        var attempts = new List<AttemptRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            attempts.Add(new AttemptRecord
            {
                AttemptId = reader.GetInt64(0), JobRef = reader.GetInt64(1), ProteinId = reader.GetString(2), BatchName = reader.GetString(3),
                AttemptNumber = reader.GetInt32(4), RunId = reader.GetString(5), Launcher = reader.GetStringOrNull(6),
                ChunkId = reader.GetStringOrNull(7), ExecutorJobId = reader.GetStringOrNull(8), ResultsPath = reader.GetStringOrNull(9),
                Status = reader.GetString(10), StartedAt = TrackingTime.Parse(reader.GetValue(11)),
                EndedAt = TrackingTime.Parse(reader.GetValue(12)), Detail = reader.GetStringOrNull(13),
            });
        }
        return attempts;
    }
}
