using EcodMini.Core.Monitoring;
using EcodMini.Core.RunComparison;

namespace EcodMini.Core.Tracking;

/// <summary>A run's results as one side of a run comparison.</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>
    /// Per chain the run attempted, its latest result of that run: domains (as the worker reported them), coverage and
    /// a quality grade by coverage (failed results: "failed", no domains). Empty when the run id is unknown.
    /// </summary>
    public IReadOnlyList<ChainSnapshot> GetRunSnapshots(string runId, QualityThresholds thresholds)
    {
        using var command = Command("""
            SELECT r.protein_id, j.batch_name, r.status, COALESCE(r.coverage_fraction, 0), r.domains
            FROM results r JOIN attempts a ON a.id = r.attempt_id JOIN jobs j ON j.id = a.job_ref
            WHERE a.run_id = $run AND r.id = (SELECT MAX(r2.id) FROM results r2 JOIN attempts a2 ON a2.id = r2.attempt_id
                                              WHERE a2.run_id = $run AND a2.job_ref = a.job_ref)
            ORDER BY j.batch_name, r.protein_id;
            """);
        command.Set("$run", runId);
        var chains = new List<ChainSnapshot>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var failed = reader.GetStringOrNull(2) != JobStatus.Completed;
            var coverage = reader.GetDouble(3);
            chains.Add(new ChainSnapshot
            {
                ProteinId = reader.GetString(0), BatchName = reader.GetString(1), Coverage = coverage,
                Quality = failed ? "failed" : thresholds.Grade(coverage),
                Domains = SnapshotDomain.ParseLines(failed ? null : reader.GetStringOrNull(4)),
            });
        }
        return chains;
    }

    /// <summary>Whether any attempt belongs to the run.</summary>
    public bool HasRun(string runId)
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM attempts WHERE run_id = $run);");
        command.Set("$run", runId);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }
}
