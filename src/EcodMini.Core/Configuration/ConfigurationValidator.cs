using EcodMini.Core.Database;

namespace EcodMini.Core.Configuration;

/// <summary>Range checks on a configuration (for files and for per-call overrides alike).</summary>
public static class ConfigurationValidator
{
    public static IReadOnlyList<string> Validate(EcodConfiguration config)
    {
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }
        Check(config.Database.Port is > 0 and < 65536, $"database.port: expected 1-65535, got {config.Database.Port}");
        Check(config.Database.MaxPoolSize >= 1, $"database.max_pool_size: expected at least 1, got {config.Database.MaxPoolSize}");
        Check(config.Database.ConnectTimeout >= 1, $"database.connect_timeout: expected at least 1 second, got {config.Database.ConnectTimeout}");
        Check(config.Database.CommandTimeout >= 0, $"database.command_timeout: expected 0 (no limit) or more seconds, got {config.Database.CommandTimeout}");
        Check(SqlIdentifier.IsValid(config.Database.EvidenceTable),
            $"database.evidence_table: expected a table name of letters, digits and '_' (e.g. domain_evidence), got '{config.Database.EvidenceTable}'");
        Check(config.Slurm.CpusPerTask >= 1, $"slurm.cpus_per_task: expected at least 1, got {config.Slurm.CpusPerTask}");
        Check(config.Slurm.MaxConcurrentJobs >= 1, $"slurm.max_concurrent_jobs: expected at least 1, got {config.Slurm.MaxConcurrentJobs}");
        Check(config.Slurm.RestartFactor is >= 1 and <= 100, $"slurm.restart_factor: expected 1-100, got {config.Slurm.RestartFactor}");
        Check(config.Slurm.SubmitDelay is >= 0 and <= 60, $"slurm.submit_delay: expected 0-60 seconds, got {config.Slurm.SubmitDelay}");
        Check(config.Processing.MaxRetries >= 0, $"processing.max_retries: expected 0 or more, got {config.Processing.MaxRetries}");
        Check(config.Processing.RetryDelay >= 0, $"processing.retry_delay: expected 0 or more seconds, got {config.Processing.RetryDelay}");
        Check(config.Quality.MinCoverage is >= 0 and <= 1, $"quality.min_coverage: expected 0-1, got {config.Quality.MinCoverage}");
        Check(config.Quality.GoodCoverage is >= 0 and <= 1, $"quality.good_coverage: expected 0-1, got {config.Quality.GoodCoverage}");
        Check(config.Quality.GoodCoverage >= config.Quality.MinCoverage, "quality.good_coverage: must not be below quality.min_coverage");
        Check(config.Quality.MinConfidence is >= 0 and <= 1, $"quality.min_confidence: expected 0-1, got {config.Quality.MinConfidence}");
        Check(config.Execution.ThrottleLimit is null or >= 1, $"execution.throttle_limit: expected at least 1, got {config.Execution.ThrottleLimit}");
        Check(config.Execution.ChunkSize >= 1, $"execution.chunk_size: expected at least 1, got {config.Execution.ChunkSize}");
        Check(config.Execution.LeaseTimeout >= 10, $"execution.lease_timeout: expected at least 10 seconds, got {config.Execution.LeaseTimeout}");
        Check(config.Execution.HeartbeatInterval is not { } beat || (beat >= 1 && beat * 4 <= config.Execution.LeaseTimeout),
            $"execution.heartbeat_interval: expected 1 second to a quarter of execution.lease_timeout ({config.Execution.LeaseTimeout} s), got {config.Execution.HeartbeatInterval}");
        return errors;
    }
}
