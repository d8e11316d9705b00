namespace EcodMini.Core.Tracking;

/// <summary>Provenance lookups for the import: which run and attempt produced each job's current result.</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>Per job row id, its current attempt (jobs without one are left out).</summary>
    public IReadOnlyDictionary<long, AttemptProvenance> GetAttemptProvenance(IReadOnlyCollection<long> jobRefs)
    {
        var found = new Dictionary<long, AttemptProvenance>();
        if (jobRefs.Count == 0) return found;
        using var command = Command("""
            SELECT j.id, a.run_id, a.id, a.attempt_number, COALESCE(a.executor_job_id, j.job_id), a.launcher
            FROM jobs j JOIN attempts a ON a.id = j.current_attempt_id
            WHERE j.id IN (SELECT value FROM json_each($ids));
            """);
        command.Set("$ids", "[" + string.Join(",", jobRefs) + "]");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            found[reader.GetInt64(0)] = new AttemptProvenance(reader.GetStringOrNull(1), reader.GetInt64(2), reader.GetInt32OrNull(3),
                reader.GetStringOrNull(4), reader.GetStringOrNull(5));
        return found;
    }
}
