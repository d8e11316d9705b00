namespace EcodMini.Core.Configuration;

/// <summary>Writes a commented production.yml holding the built-in defaults.</summary>
public static class ConfigurationTemplate
{
    public const string Text = """
        # EcodMini production configuration (config/production.yml); New-EcodConfiguration writes this file.
        # Every key is optional: an absent key keeps the default shown here. Each key says what it means, its unit,
        # and which cmdlets read it. Relative paths are taken from this file's folder. Without any configuration
        # file, the tracking database, logs and work files live in the per-user state folder
        # ($XDG_STATE_HOME/ecod-mini, else ~/.local/state/ecod-mini), never in the current folder.
        # Lookup: -ConfigurationPath, then $env:ECOD_MINI_CONFIG, then ./config/production.yml, then built-in defaults.

        database:                         # PostgreSQL production database: Import-EcodResult, Test-EcodImport, Initialize-EcodDatabase, Find-EcodProtein (representatives when a batch root has no representatives.txt)
          host: localhost                 # server host name
          port: 5432                      # TCP port (1-65535)
          database: ecod_protein          # database name
          user: ecod                      # role to connect as
          password_env: ECOD_DB_PASSWORD  # name of the environment variable holding the password (never written in this file, never printed)
          ssl_mode: prefer                # TLS: disable, allow, prefer, require, verify-ca or verify-full
          # ssl_root_cert: /etc/ssl/certs/ecod-ca.pem   # CA certificate file for verify-ca / verify-full (default: the system trust store)
          pooling: true                   # true/false: reuse connections within a session
          max_pool_size: 10               # connections at most in the pool (>= 1)
          connect_timeout: 15             # seconds to wait for a connection (>= 1)
          command_timeout: 300            # seconds one statement may run (0: no limit)
          evidence_table: domain_evidence # table in schema pdb_analysis that receives the domains' evidence (letters, digits, _)

        paths:
          batch_base_dir: ./batches       # folder holding the batch folders (<batch>/domains, blast, mini_domains): Find-EcodProtein, Submit-EcodJob -Job, Restart-EcodJob; free space watched by Get-EcodProductionAlert
          tracking_db: ./ecod-mini/tracking.db  # SQLite tracking database: every cmdlet with -TrackingDatabase (Find/Submit/Restart/Stop-EcodJob, Get-EcodJobStatus, statistics, alerts, Import-EcodResult)
          log_dir: ./ecod-mini/logs       # run logs (<run id>.log) of Submit-EcodJob / Restart-EcodJob, local or SLURM, and SLURM job output (<job>_<array>_<task>.out/.err)
          work_dir: ./ecod-mini/work      # chunk manifests and result files while a run works (Submit-EcodJob, Restart-EcodJob); free space watched by Get-EcodProductionAlert
          reference_dir: ./reference      # reference data (domain_definitions.csv, domain_lengths.csv, protein_lengths.csv, ...): Submit-EcodJob, Restart-EcodJob

        execution:                        # how Submit-EcodJob / Restart-EcodJob run chains
          executor: local                 # local (this machine's cores) or slurm (job arrays); -Executor overrides
          # throttle_limit: 8             # local chunks running at once (default: the processor count); -ThrottleLimit overrides
          chunk_size: 200                 # chains per chunk (one manifest, one worker, one array task); -ChunkSize overrides
          lease_timeout: 600              # seconds the lease holder's heartbeat counter may stand still before another run may take the tracking database over (>= 10)
          # heartbeat_interval: 30        # seconds between the holder's background heartbeats (default 30, at most lease_timeout / 4)
          keep_work_files: false          # true: keep every finished chunk's manifest and results in work_dir/ingested/; false: keep only chunks with failures

        slurm:                            # Submit-EcodJob / Restart-EcodJob -Executor Slurm; every value is checked before it reaches a job script
          # partition: All                # SLURM partition (default: the cluster's default partition, no --partition)
          time: "1:00:00"                 # wall time per job or array task ([days-]hours:minutes:seconds)
          memory: 4G                      # memory per job or array task (SLURM --mem: a number with K, M, G or T)
          cpus_per_task: 1                # CPUs per job or array task (>= 1)
          max_concurrent_jobs: 50         # array tasks running at once (%N), or per-protein jobs submitted at once (>= 1)
          job_script_dir: /tmp/pyecod_mini_jobs  # job scripts and array manifests, a folder per run; must be visible to the nodes
          # env_setup_script: /home/user/.bashrc  # file sourced at the start of every job (default: none)
          # worker_pwsh: /usr/bin/pwsh    # pwsh the jobs run (default: the submitting pwsh, absolute path recorded at submission)
          # worker_module: /opt/EcodMini/EcodMini.psd1  # module the jobs import (default: the submitting session's module)
          restart_factor: 2               # Restart-EcodJob multiplies time (after TIMEOUT) or memory (after OUT_OF_MEMORY) by this (1-100); -ResourceFactor overrides
          submit_delay: 0.1               # seconds between sbatch calls in -Mode PerProtein (0-60)

        processing:                       # which chains run: Find-EcodProtein, Submit-EcodJob, Restart-EcodJob
          reps_only: true                 # true: only representative chains (Find-EcodProtein -RepsOnly)
          skip_existing: true             # true: skip chains whose partition file already exists (Find-EcodProtein -SkipExisting)
          max_retries: 2                  # retries after the first attempt (Submit-EcodJob, Restart-EcodJob); then the chain is failed for good
          retry_delay: 300                # seconds before a failed chain is retried, doubled per retry (Submit-EcodJob, Restart-EcodJob)
          batch_pattern: ecod_batch_*     # wildcard naming the batch folders under batch_base_dir (Find-EcodProtein; -Pattern overrides)
          reference_version: develop291   # reference in summary names (<id>.<version>.domain_summary.xml) and in imported rows: Find-EcodProtein, Import-EcodResult, Test-EcodImport

        quality:                          # grading of completed chains: Get-EcodProductionStatistic, Watch-EcodProduction, Get-EcodProductionAlert, Export-EcodReport, Import-EcodResult
          min_coverage: 0.5               # share of residues in domains (0-1) below which a chain is poor; from here it is at least questionable
          good_coverage: 0.8              # share of residues in domains (0-1) from which a chain is good (if confident enough)
          min_confidence: 0.6             # mean domain confidence (0-1) a chain needs to be good; below it the chain is at best questionable
          require_reference_lengths: true # true: evidence whose reference domain has no known length is rejected (Submit-EcodJob, Restart-EcodJob)
          import_quality_threshold: good  # Import-EcodResult imports chains of this grade or better: good, questionable or all (-QualityFilter overrides)

        monitoring:                       # alerts: Get-EcodProductionAlert, Watch-EcodProduction, Get-EcodProductionStatistic warnings
          max_failure_rate: 0.1           # alert above this share (0-1) of failed among finished jobs
          min_throughput_per_hour: 100    # alert below this many chains an hour while work remains
          max_poor_fraction: 0.3          # alert above this share (0-1) of poor-quality results
          max_resource_endings: 0         # alert when more jobs than this end OUT_OF_MEMORY or TIMEOUT
          min_free_space_mb: 1024         # alert when a file system of batch_base_dir, work_dir or the tracker has less free space (MB)
          max_heartbeat_age: 300          # seconds; alert when the running run's lease heartbeat is older
          min_sample: 20                  # rates are judged from this many finished jobs on
          throughput_grace: 600           # seconds of a run before throughput is judged
          refresh_interval: 5             # seconds between Watch-EcodProduction refreshes (0.2-3600); -RefreshInterval overrides
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
