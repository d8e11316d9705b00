namespace EcodMini.Core.Tracking;

/// <summary>Attempts settled without evidence of a result: what a repair from result files looks at.</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>
    /// Current attempts that ended cancelled or lost with no result and a known result file, whose job is still
    /// cancelled or pending (a later attempt or result changed nothing here).
    /// </summary>
    public IReadOnlyList<OpenAttempt> GetEndedWithoutResult()
    {
        using var command = Command("""
            SELECT a.id, a.job_ref, j.protein_id, j.batch_name, a.attempt_number, a.run_id, a.chunk_id, a.executor_job_id,
                   a.results_path, a.launcher
            FROM attempts a JOIN jobs j ON j.id = a.job_ref AND j.current_attempt_id = a.id
            WHERE a.status IN ('cancelled', 'lost', 'not_launched') AND a.result_ref IS NULL AND a.results_path IS NOT NULL
              AND j.status IN ('cancelled', 'pending') ORDER BY a.results_path, a.id;
            """);
        var attempts = new List<OpenAttempt>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            attempts.Add(new OpenAttempt
            {
                AttemptId = reader.GetInt64(0), JobRef = reader.GetInt64(1), ProteinId = reader.GetString(2), BatchName = reader.GetString(3),
                AttemptNumber = reader.GetInt32(4), RunId = reader.GetString(5), ChunkId = reader.GetStringOrNull(6),
                ExecutorJobId = reader.GetStringOrNull(7), ResultsPath = reader.GetString(8), Launcher = reader.GetStringOrNull(9) ?? "",
            });
        }
        return attempts;
    }
}
