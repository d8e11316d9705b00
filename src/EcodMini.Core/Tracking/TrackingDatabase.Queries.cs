using System.Text;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>Read-side queries: jobs, failed jobs, status counts, retry history.</summary>
public sealed partial class TrackingDatabase
{
    private const string JobSelect = """
        SELECT j.id, j.job_id, j.protein_id, j.pdb_id, j.chain_id, j.batch_name, j.status, j.submit_time, j.start_time,
               j.end_time, j.exit_code, j.retry_count, j.parent_job_id, r.domain_count, r.coverage_fraction,
               COALESCE(j.output_xml, r.output_path), j.error_message, j.attempt_count, j.current_attempt_id,
               j.summary_path, j.blast_path, j.error_class
        FROM jobs j LEFT JOIN results r ON r.id = j.current_result_id
        """;

    public IReadOnlyList<JobRecord> GetJobs(JobQuery? query = null)
    {
        query ??= JobQuery.All;
        var sql = new StringBuilder(JobSelect);
        var where = new List<string>();
        using var command = Command("");
        if (query.Statuses is { Count: > 0 } statuses)
        {
            var names = statuses.Select((s, i) => { command.Set($"$s{i}", s); return $"$s{i}"; });
            where.Add($"j.status IN ({string.Join(", ", names)})");
        }
        AddTextFilter(command, where, "j.batch_name", "$batch", query.BatchName, query.Wildcards);
        AddTextFilter(command, where, "j.protein_id", "$protein", query.ProteinId, query.Wildcards);
        if (where.Count > 0) sql.Append(" WHERE ").Append(string.Join(" AND ", where));
        sql.Append(" ORDER BY j.batch_name, j.protein_id");
        if (query.Limit is { } limit) { sql.Append(" LIMIT $limit"); command.Set("$limit", limit); }
        command.CommandText = sql.ToString();
        return ReadJobs(command);
    }

    public JobRecord? GetJob(string proteinId, string batchName) =>
        GetJobs(new JobQuery { ProteinId = proteinId, BatchName = batchName, Wildcards = false }).FirstOrDefault();

    /// <summary>Jobs that ended failed or timed out (the retry candidates).</summary>
    public IReadOnlyList<JobRecord> GetFailedJobs() => GetJobs(new JobQuery { Statuses = [JobStatus.Failed, JobStatus.Timeout] });

    /// <summary>Job count per status (every known status present, zero when none).</summary>
    public IReadOnlyDictionary<string, int> CountByStatus()
    {
        var counts = JobStatus.All.ToDictionary(s => s, _ => 0);
        using var command = Command("SELECT status, COUNT(*) FROM jobs GROUP BY status;");
        using var reader = command.ExecuteReader();
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    /// <summary>The status transitions of a protein's jobs (optionally one batch), oldest first.</summary>
    public IReadOnlyList<JobEvent> GetEvents(string proteinId, string? batchName = null)
    {
        using var command = Command("""
            SELECT id, protein_id, batch_name, job_id, from_status, to_status, event_time, retry_count, detail, attempt_id
            FROM job_events WHERE protein_id = $p AND ($b IS NULL OR batch_name = $b) ORDER BY id;
            """);
        command.Set("$p", proteinId);
        command.Set("$b", batchName);
        var events = new List<JobEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(new JobEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3),
                reader.GetStringOrNull(4), reader.GetString(5), TrackingTime.Parse(reader.GetValue(6)) ?? default,
                reader.GetInt32(7), reader.GetStringOrNull(8), reader.IsDBNull(9) ? null : reader.GetInt64(9)));
        }
        return events;
    }

    /// <summary>Text matched literally by <c>LIKE ... ESCAPE '\'</c>: its '\', '%' and '_' escaped.</summary>
    private static string LikeLiteral(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private static void AddTextFilter(SqliteCommand command, List<string> where, string column, string parameter, string? value, bool wildcards)
    {
        if (value is null) return;
        if (wildcards && JobQuery.IsPattern(value))
        {
            var pattern = LikeLiteral(value).Replace('*', '%').Replace('?', '_');
            where.Add($"{column} LIKE {parameter} ESCAPE '\\'");
            command.Set(parameter, pattern);
        }
        else
        {
            where.Add($"{column} = {parameter}");
            command.Set(parameter, value);
        }
    }

    internal static List<JobRecord> ReadJobs(SqliteCommand command)
    {
        var jobs = new List<JobRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            jobs.Add(new JobRecord
            {
                Id = reader.GetInt64(0), JobId = reader.GetStringOrNull(1), ProteinId = reader.GetString(2),
                Pdb = reader.GetString(3), Chain = reader.GetString(4), BatchName = reader.GetString(5), Status = reader.GetString(6),
                SubmitTime = TrackingTime.Parse(reader.GetValue(7)), StartTime = TrackingTime.Parse(reader.GetValue(8)),
                EndTime = TrackingTime.Parse(reader.GetValue(9)), ExitCode = reader.GetInt32OrNull(10),
                RetryCount = reader.GetInt32OrNull(11) ?? 0, ParentJobId = reader.GetStringOrNull(12),
                DomainCount = reader.GetInt32OrNull(13), Coverage = reader.GetDoubleOrNull(14),
                OutputPath = reader.GetStringOrNull(15), Error = reader.GetStringOrNull(16), AttemptCount = reader.GetInt32(17),
                CurrentAttemptId = reader.IsDBNull(18) ? null : reader.GetInt64(18), SummaryPath = reader.GetStringOrNull(19),
                BlastPath = reader.GetStringOrNull(20),
                ErrorClass = JobStatus.IsRetryable(reader.GetString(6))
                    ? Model.ErrorClassifier.Parse(reader.GetStringOrNull(21)) ?? Model.ErrorClass.Transient : null,
            });
        }
        return jobs;
    }
}
