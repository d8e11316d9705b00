using System.Globalization;
using EcodMini.Core.Execution;
using EcodMini.Core.Tracking;

namespace EcodMini.Bench.Monitor;

/// <summary>
/// Fills a tracker as a run half-way through 40,000 chains leaves it: 10 batches; 70% completed (varied coverage,
/// domains, times), 5% failed (a few causes), 1% timed out, 4% running, 20% pending; 3% of the jobs were retried.
/// Deterministic (seeded), written through the tracker's own API.
/// </summary>
internal static class TrackerBuilder
{
    public static void Build(string path, int jobs, DateTimeOffset start)
    {
        using var db = TrackingDatabase.Open(path);
        var random = new Random(40_000);
        var submissions = Enumerable.Range(0, jobs).Select(i =>
        {
            var protein = $"{1 + i % 9}{Base36(i / 9)}_A";
            var batch = $"ecod_batch_{i % 10:000}_20260301";
            return new JobSubmission(protein, protein[..4], "A", batch, $"/data/{batch}/mini_domains/{protein}.mini.domains.xml");
        }).ToList();
        var recorded = db.RecordSubmissions(submissions, now: start);
        var ids = recorded.Select(r => r.Job.Id).ToList();
        var started = (int)(jobs * 0.80);
        var attempts = db.StartAttempts(ids.Take(started).ToList(), new AttemptLaunch("bench-run", "local", "bench-00000", "/work/bench.jsonl"), start);

        var results = new List<TaskResultRecord>(started);
        var causes = new[] { "no usable hit, every hit is malformed (first: hit 3)", "summary truncated at line 12", "reference length missing for e1abcA1" };
        for (var i = 0; i < (int)(jobs * 0.75); i++)
        {
            var s = submissions[i];
            var finished = start.AddSeconds(i * 0.9);
            var failed = i % 15 == 7;
            var coverage = Math.Clamp(0.35 + random.NextDouble() * 0.8, 0, 1);
            results.Add(new TaskResultRecord
            {
                RecordId = "r" + i.ToString(CultureInfo.InvariantCulture),
                AttemptId = attempts[i].AttemptId,
                ChunkId = "chunk-" + (i / 200).ToString(CultureInfo.InvariantCulture),
                ProteinId = s.ProteinId,
                BatchName = s.BatchName,
                Status = failed ? TaskResultRecord.FailedStatus : TaskResultRecord.CompletedStatus,
                DomainCount = failed ? 0 : random.Next(0, 7),
                Coverage = failed ? 0 : coverage,
                TotalResidues = 300,
                AssignedResidues = (int)(coverage * 300),
                Error = failed ? $"/data/{s.BatchName}/domains/{s.ProteinId}.xml: {causes[i % causes.Length]}" : null,
                ElapsedSeconds = 0.2 + random.NextDouble() * random.NextDouble() * 8,
                StartedAt = finished.AddSeconds(-1),
                FinishedAt = finished,
            });
        }
        db.RecordResults(results);
        var timedOut = attempts.Skip((int)(jobs * 0.75)).Take(jobs / 100).Select(a => a.AttemptId).ToList();
        db.CloseAttempts(timedOut, AttemptStatus.Timeout, JobStatus.Timeout, "DUE TO TIME LIMIT", start.AddSeconds(jobs * 0.75 * 0.9));
        var retried = submissions.Where((_, i) => i % 15 == 7).Take(jobs * 3 / 100).ToList();
        db.RecordSubmissions(retried, now: start.AddSeconds(jobs * 0.8));
    }

    private static string Base36(int n)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = "";
        for (var k = 0; k < 3; k++) { text = digits[n % 36] + text; n /= 36; }
        return text;
    }
}
