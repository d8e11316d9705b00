namespace EcodMini.Core.Configuration;

/// <summary>Writes a commented production.yml holding the built-in defaults.</summary>
public static class ConfigurationTemplate
{
    public const string Text = """
        # EcodMini production configuration (config/production.yml).
        # Every key is optional: an absent key keeps the default shown here.
        # Relative paths are taken from this file's folder.

        database:                       # PostgreSQL production database (import)
          host: localhost
          port: 5432
          database: ecod_protein
          user: ecod
          password_env: ECOD_DB_PASSWORD  # the password is read from this environment variable, never from this file
          ssl_mode: prefer                # disable, allow, prefer, require, verify-ca, verify-full
          # ssl_root_cert: /etc/ssl/certs/ecod-ca.pem   # CA file for verify-ca / verify-full
          pooling: true
          max_pool_size: 10
          connect_timeout: 15             # seconds to wait for a connection
          command_timeout: 300            # seconds one statement may run (0: no limit)
          evidence_table: domain_evidence # pdb_analysis table for the domains' evidence

        paths:
          batch_base_dir: ./batches       # folders ecod_batch_*/ with domains/, blast/, mini_domains/
          tracking_db: ./ecod-mini/tracking.db
          log_dir: ./ecod-mini/logs
          work_dir: ./ecod-mini/work      # chunk manifests and result files
          reference_dir: ./reference      # domain_definitions.csv, domain_lengths.csv, protein_lengths.csv, ...

        execution:
          executor: local                 # local or slurm
          # throttle_limit: 8             # chunks at once on this machine (default: processor count)
          chunk_size: 200                 # chains per chunk manifest
          lease_timeout: 120              # seconds without a heartbeat before another run may take the tracking database over

        slurm:                            # Submit-EcodJob -Executor Slurm; every value is checked before it reaches a job script
          # partition: All                # default: the cluster's default partition
          time: "1:00:00"
          memory: 4G
          cpus_per_task: 1
          max_concurrent_jobs: 50         # array tasks (or per-protein jobs) running at once
          job_script_dir: /tmp/pyecod_mini_jobs  # job scripts, a folder per run; must be visible to the nodes
          # env_setup_script: /home/user/.bashrc
          # worker_pwsh: /usr/bin/pwsh    # default: the submitting pwsh (absolute path recorded at submission)
          # worker_module: /opt/EcodMini/EcodMini.psd1  # default: the submitting session's module
          restart_factor: 2               # Restart-EcodJob raises time (TIMEOUT) or memory (OUT_OF_MEMORY) by this
          submit_delay: 0.1               # seconds between sbatch calls in per-protein mode

        processing:
          reps_only: true
          skip_existing: true
          max_retries: 2                  # retries after the first attempt; then the chain is failed for good
          retry_delay: 300                # seconds before a retry, doubled per retry
          batch_pattern: ecod_batch_*
          reference_version: develop291

        quality:
          min_coverage: 0.5               # below: poor; from here: questionable (low_coverage)
          good_coverage: 0.8              # from here: good
          min_confidence: 0.6
          require_reference_lengths: true
          import_quality_threshold: good  # good, questionable or all

        monitoring:                       # alerts (Get-EcodProductionAlert, Watch-EcodProduction, statistics warnings)
          max_failure_rate: 0.1           # alert above this share of failed among finished jobs
          min_throughput_per_hour: 100    # alert below this many proteins an hour while work remains
          max_poor_fraction: 0.3          # alert above this share of poor-quality results
          max_resource_endings: 0         # alert when more jobs than this end OUT_OF_MEMORY or TIMEOUT
          min_free_space_mb: 1024         # alert when an output file system has less free space
          max_heartbeat_age: 300          # seconds; alert when the running run's lease is older
          min_sample: 20                  # rates are judged from this many jobs on
          throughput_grace: 600           # seconds of a run before throughput is judged
          refresh_interval: 5             # seconds between dashboard refreshes
        """;

    /// <summary>Writes the template; an existing file is kept unless <paramref name="force"/>.</summary>
    public static void Write(string path, bool force = false)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && !force) throw new IOException($"Configuration file already exists: {full} (use force to overwrite)");
        var dir = Path.GetDirectoryName(full);
        if (dir is not null) Directory.CreateDirectory(dir);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, Text + "\n");
        File.Move(temporary, full, overwrite: true);
    }
}
