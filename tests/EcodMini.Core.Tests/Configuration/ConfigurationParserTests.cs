using EcodMini.Core.Configuration;

namespace EcodMini.Core.Tests.Configuration;

public class ConfigurationParserTests
{
    private const string DesignFile = """
        database:
          host: dione
          port: 45000
          database: ecod_protein
          user: ecod
          password_env: ECOD_DB_PASSWORD
        paths:
          batch_base_dir: /data/ecod/pdb_updates/batches
          tracking_db: /data/ecod/mini_v2/tracking.db
          log_dir: /data/ecod/mini_v2/logs
        slurm:
          partition: All
          time: "1:00:00"
          memory: 4G
          cpus_per_task: 1
          max_concurrent_jobs: 50
          job_script_dir: /tmp/pyecod_mini_jobs
          env_setup_script: /home/user/.bashrc
        processing:
          reps_only: true
          skip_existing: true
          max_retries: 2
          retry_delay: 300
        quality:
          min_coverage: 0.5
          min_confidence: 0.6
          require_reference_lengths: true
          import_quality_threshold: "good"  # good, questionable, all
        """;

    [Fact]
    public void ReadsTheDesignsFileAndDefaultsTheRest()
    {
        var config = ConfigurationParser.Parse(DesignFile);
        Assert.Equal(("dione", 45000), (config.Database.Host, config.Database.Port));
        Assert.Equal("/data/ecod/mini_v2/tracking.db", config.Paths.TrackingDb);
        Assert.Equal(("1:00:00", 50, "/home/user/.bashrc"), (config.Slurm.Time, config.Slurm.MaxConcurrentJobs, config.Slurm.EnvSetupScript));
        Assert.Equal((true, 2, 300), (config.Processing.RepsOnly, config.Processing.MaxRetries, config.Processing.RetryDelay));
        Assert.Equal("good", config.Quality.ImportQualityThreshold);
        Assert.Equal(EcodConfiguration.Default.Paths.WorkDir, config.Paths.WorkDir);
        Assert.Equal(ExecutionSettings.Local, config.Execution.Executor);
        Assert.Equal((0.8, 0.5), (config.Quality.ToThresholds().Good, config.Quality.ToThresholds().Questionable));
    }

    [Fact]
    public void DatabaseConnectionOptionsAndTheEvidenceTableAreRead()
    {
        var config = ConfigurationParser.Parse("""
            database:
              host: dione
              database: ecod_protein
              user: ecod
              ssl_mode: verify-full
              ssl_root_cert: /etc/ssl/ecod-ca.pem
              pooling: false
              max_pool_size: 4
              connect_timeout: 7
              command_timeout: 0
              evidence_table: partition_evidence
            """);
        var db = config.Database;
        Assert.Equal(("verify-full", "/etc/ssl/ecod-ca.pem", false, 4, 7, 0), (db.SslMode, db.SslRootCert, db.Pooling, db.MaxPoolSize, db.ConnectTimeout, db.CommandTimeout));
        Assert.Equal("partition_evidence", db.EvidenceTable);
        Assert.Equal("domain_evidence", EcodConfiguration.Default.Database.EvidenceTable);
        Assert.Equal("ecod@dione:5432/ecod_protein", db.Describe());
    }

    [Theory]
    [InlineData("database:\n  host: h\n  ssl_mode: sometimes\n", "database.ssl_mode: expected disable or allow or prefer or require or verify-ca or verify-full, got 'sometimes'")]
    [InlineData("database:\n  host: h\n  evidence_table: evidence; drop\n", "database.evidence_table: expected a table name")]
    [InlineData("database:\n  host: h\n  connect_timeout: 0\n", "database.connect_timeout: expected at least 1 second, got 0")]
    public void BadDatabaseOptionsNameTheKey(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse(yaml));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void EmptyTextIsTheDefaults() => Assert.Equal(EcodConfiguration.Default, ConfigurationParser.Parse(""));

    [Theory]
    [InlineData("slurm:\n  restart_factor: 0.5\n", "slurm.restart_factor: expected 1-100, got 0.5")]
    [InlineData("slurm:\n  submit_delay: -1\n", "slurm.submit_delay: expected 0-60 seconds, got -1")]
    [InlineData("slurm:\n  max_concurrent_jobs: lots\n", "slurm.max_concurrent_jobs: expected an integer, got 'lots'")]
    [InlineData("databse:\n  host: x\n", "unknown key 'databse' (did you mean 'database'?)")]
    [InlineData("slurm:\n  max_concurent_jobs: 5\n", "slurm: unknown key 'max_concurent_jobs' (did you mean 'max_concurrent_jobs'?)")]
    [InlineData("database:\n  host:\n", "database.host: missing value")]
    [InlineData("execution:\n  lease_timeout: 2\n", "execution.lease_timeout: expected at least 10 seconds, got 2")]
    [InlineData("paths:\n  tracking_db:\n", "paths.tracking_db: missing value")]
    [InlineData("processing:\n  reps_only: maybe\n", "processing.reps_only: expected true or false, got 'maybe'")]
    [InlineData("quality:\n  min_coverage: high\n", "quality.min_coverage: expected a number, got 'high'")]
    [InlineData("execution:\n  executor: kubernetes\n", "execution.executor: expected local or slurm, got 'kubernetes'")]
    [InlineData("quality:\n  min_coverage: 1.5\n", "quality.min_coverage: expected 0-1, got 1.5")]
    [InlineData("slurm: 5\n", "slurm: expected a mapping of keys, got a single value")]
    [InlineData("paths:\n  log_dir: [a, b]\n", "paths.log_dir: expected a single value, got a list")]
    public void ErrorsNameTheKey(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse(yaml, "production.yml"));
        Assert.Contains(expected, error.Errors);
        Assert.Contains("production.yml", error.Message);
    }

    [Fact]
    public void AllErrorsAreReportedTogether()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse("slurm:\n  cpus_per_task: x\n  memroy: 4G\nextra: 1\n"));
        Assert.Equal(3, error.Errors.Count);
    }

    [Fact]
    public void SyntaxErrorsSayWhere()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationParser.Parse("paths:\n  log_dir: [unclosed\n"));
        Assert.Contains("YAML syntax error at line", Assert.Single(error.Errors));
    }

    [Fact]
    public void Slurm_worker_and_restart_settings_are_read_and_the_partition_defaults_to_the_clusters()
    {
        Assert.Null(ConfigurationParser.Parse("").Slurm.Partition);
        var slurm = ConfigurationParser.Parse("slurm:\n  partition: short\n  worker_pwsh: /usr/bin/pwsh\n  worker_module: /opt/E/EcodMini.psd1\n  restart_factor: 1.5\n  submit_delay: 0\n").Slurm;
        Assert.Equal(("short", "/usr/bin/pwsh", "/opt/E/EcodMini.psd1", 1.5, 0.0),
            (slurm.Partition, slurm.WorkerPwsh, slurm.WorkerModule, slurm.RestartFactor, slurm.SubmitDelay));
    }

    [Fact]
    public void APartialDatabaseSectionKeepsTheDefaultsOfTheMissingKeys()
    {
        var config = ConfigurationParser.Parse("database:\n  host: dione\n");
        Assert.Equal(("dione", 5432, "ecod_protein", "ecod"), (config.Database.Host, config.Database.Port, config.Database.Database, config.Database.User));
        Assert.Equal("ECOD_DB_PASSWORD", ConfigurationParser.Parse("database:\n  user: me\n").Database.PasswordEnv);
    }
}
