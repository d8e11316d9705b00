using EcodMini.Core.Monitoring;
using EcodMini.Core.Monitoring.Alerts;
using EcodMini.Core.Tests.Tracking;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Monitoring;

/// <summary>Trackers and statistics with known contents for the monitoring tests.</summary>
internal static class MonitoringTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    public const string BatchA = "ecod_batch_001_20260301";
    public const string BatchB = "ecod_batch_002_20260301";

    /// <summary>
    /// Batch A, 10 jobs: 6 completed (coverage 0.95 0.9 0.85 0.6 0.3 0.1; domains 1 2 3 2 1 0; 1-6 s, the last
    /// 10 s), 2 failed (same cause, different files and numbers), 1 timed out, 1 pending. Batch B, 4 jobs: 2 completed
    /// (one after a retry; coverage 0.8 and 0.9, 2 domains, 2 s), 2 running. Ends spread over 8:10-9:50, no two at once.
    /// </summary>
    public static TrackingDatabase BuildRun(string path)
    {
        var db = TrackingTestData.Open(path);
        var a = Enumerable.Range(1, 10).Select(i => $"{i}a{i:00}_A").ToList();
        var b = Enumerable.Range(1, 4).Select(i => $"{i}b{i:00}_B").ToList();
        var jobs = db.RecordSubmissions(a.Select(p => TrackingTestData.Submission(p, BatchA)).Concat(b.Select(p => TrackingTestData.Submission(p, BatchB))).ToList(), now: T0);
        var attempts = db.StartAttempts(jobs.Where(j => j.Job.ProteinId != a[9]).Select(j => j.Job.Id).ToList(),
            new AttemptLaunch("run-1", "local", "run-1-00000", "/work/r.jsonl"), T0).ToDictionary(x => x.ProteinId, x => x.AttemptId);

        var coverage = new[] { 0.95, 0.9, 0.85, 0.6, 0.3, 0.1 };
        var domains = new[] { 1, 2, 3, 2, 1, 0 };
        var seconds = new[] { 1.0, 2, 3, 4, 5, 10 };
        db.RecordResults(Enumerable.Range(0, 6).Select(i => TrackingTestData.Result(a[i], BatchA, coverage: coverage[i], domains: domains[i],
            finished: T0.AddMinutes(10 + 20 * i)) with { ElapsedSeconds = seconds[i], AttemptId = attempts[a[i]] }).ToList());
        db.RecordResults(
        [
            TrackingTestData.Result(a[6], BatchA, ok: false, finished: T0.AddMinutes(15)) with { AttemptId = attempts[a[6]], Error = "/data/ecod_batch_001/domains/7a07_A.develop291.domain_summary.xml: no usable hit, every hit is malformed (first: hit 3 has range '0-12')" },
            TrackingTestData.Result(a[7], BatchA, ok: false, finished: T0.AddMinutes(25)) with { AttemptId = attempts[a[7]], Error = "/data/ecod_batch_001/domains/8a08_A.develop291.domain_summary.xml: no usable hit, every hit is malformed (first: hit 17 has range '5-1')" },
        ]);
        db.CloseAttempts([attempts[a[8]]], AttemptStatus.Timeout, JobStatus.Timeout, "DUE TO TIME LIMIT", T0.AddMinutes(30));

        // b[0] fails once, is resubmitted (retry 1) and then completes.
        db.RecordResults([TrackingTestData.Result(b[0], BatchB, ok: false, finished: T0.AddMinutes(20)) with { AttemptId = attempts[b[0]] }]);
        var retried = db.RecordSubmissions([TrackingTestData.Submission(b[0], BatchB)], now: T0.AddMinutes(21));
        var second = db.StartAttempts([retried[0].Job.Id], new AttemptLaunch("run-1", "local", "run-1-00001", "/work/r1.jsonl"), T0.AddMinutes(22));
        db.RecordResults(
        [
            TrackingTestData.Result(b[0], BatchB, coverage: 0.8, domains: 2, finished: T0.AddMinutes(100)) with { ElapsedSeconds = 2, AttemptId = second[0].AttemptId },
            TrackingTestData.Result(b[1], BatchB, coverage: 0.9, domains: 2, finished: T0.AddMinutes(105)) with { ElapsedSeconds = 2, AttemptId = attempts[b[1]] },
        ]);
        return db;
    }

    /// <summary>A monitor over <paramref name="db"/> at 10:00 (two hours into the run) judging rates from one job on.</summary>
    public static ProductionMonitor Monitor(TrackingDatabase db, AlertThresholds? limits = null) =>
        new(db, new MonitorOptions { Clock = new FixedClock(T0.AddHours(2)), Alerts = limits ?? AlertThresholds.Default with { MinimumSample = 1 } });

    /// <summary>Statistics as the alert rules see them; everything not given is zero.</summary>
    public static ProductionStatistics Statistics(int completed = 0, int failed = 0, int running = 0, int pending = 0,
        QualityDistribution? quality = null, double perHour = 0, DateTimeOffset? firstStart = null,
        IReadOnlyDictionary<string, int>? counts = null, TrackerLease? activeRun = null) => new()
    {
        CountsByStatus = counts ?? new Dictionary<string, int>(),
        ActiveRun = activeRun,
        Total = completed + failed + running + pending,
        Completed = completed,
        Failed = failed,
        Running = running,
        Pending = pending,
        Quality = quality ?? new QualityDistribution(completed, 0, 0),
        Thresholds = QualityThresholds.Default,
        ThroughputPerHour = perHour,
        ThroughputPerSecond = perHour / 3600,
        RecentThroughputPerHour = perHour,
        FirstStart = firstStart,
        ComputedAt = T0,
    };
}

/// <summary>A clock that stands still (tests pass the moment they mean).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
