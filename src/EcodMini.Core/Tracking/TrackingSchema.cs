namespace EcodMini.Core.Tracking;

/// <summary>
/// The tracking database's schema as forward migrations. Version 1 is the production design's original schema,
/// verbatim; later versions are additions. All missing ones are applied in one exclusive transaction that re-checks the version first.
/// </summary>
public static partial class TrackingSchema
{
    /// <summary>The production design's schema (PRODUCTION_DESIGN.md, "Tracking Database").</summary>
    public const string Version1Sql = """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id TEXT,
            protein_id TEXT NOT NULL,
            pdb_id TEXT NOT NULL,
            chain_id TEXT NOT NULL,
            batch_name TEXT NOT NULL,
            status TEXT NOT NULL,
            submit_time TIMESTAMP,
            start_time TIMESTAMP,
            end_time TIMESTAMP,
            exit_code INTEGER,
            retry_count INTEGER DEFAULT 0,
            parent_job_id TEXT,
            script_path TEXT,
            output_log TEXT,
            error_log TEXT,
            output_xml TEXT,
            UNIQUE(protein_id, batch_name)
        );
        CREATE TABLE results (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id INTEGER REFERENCES jobs(id),
            protein_id TEXT NOT NULL,
            domain_count INTEGER,
            coverage_fraction REAL,
            total_residues INTEGER,
            assigned_residues INTEGER,
            avg_confidence REAL,
            evidence_count INTEGER,
            discontinuous_domains INTEGER,
            processing_time_seconds REAL,
            peak_memory_mb REAL,
            timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP
        );
        CREATE TABLE quality_flags (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id INTEGER REFERENCES jobs(id),
            protein_id TEXT NOT NULL,
            flag_type TEXT NOT NULL,
            severity TEXT NOT NULL,
            message TEXT,
            timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP
        );
        CREATE INDEX idx_jobs_protein ON jobs(protein_id);
        CREATE INDEX idx_jobs_status ON jobs(status);
        CREATE INDEX idx_results_protein ON results(protein_id);
        """;

    /// <summary>
    /// Additions: status-transition history, the failing error text, idempotent result ingestion (a unique
    /// record id per worker result), and the indexes the queries use.
    /// </summary>
    public const string Version2Sql = """
        CREATE TABLE job_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_ref INTEGER NOT NULL REFERENCES jobs(id),
            protein_id TEXT NOT NULL,
            batch_name TEXT NOT NULL,
            job_id TEXT,
            from_status TEXT,
            to_status TEXT NOT NULL,
            event_time TIMESTAMP NOT NULL,
            retry_count INTEGER NOT NULL DEFAULT 0,
            detail TEXT
        );
        CREATE INDEX idx_job_events_job ON job_events(job_ref);
        CREATE INDEX idx_job_events_protein ON job_events(protein_id);
        ALTER TABLE jobs ADD COLUMN error_message TEXT;
        ALTER TABLE results ADD COLUMN record_id TEXT;
        ALTER TABLE results ADD COLUMN status TEXT;
        ALTER TABLE results ADD COLUMN output_path TEXT;
        ALTER TABLE results ADD COLUMN started_at TIMESTAMP;
        ALTER TABLE results ADD COLUMN finished_at TIMESTAMP;
        ALTER TABLE quality_flags ADD COLUMN result_ref INTEGER REFERENCES results(id);
        CREATE UNIQUE INDEX ux_results_record ON results(record_id);
        CREATE INDEX idx_results_job ON results(job_id);
        CREATE INDEX idx_jobs_batch ON jobs(batch_name);
        CREATE INDEX idx_jobs_end_time ON jobs(end_time);
        CREATE INDEX idx_quality_flags_job ON quality_flags(job_id);
        """;

    /// <summary>
    /// Additions: one owner per database (tracker_lease, a single row), attempt identity (attempts; every result
    /// row and event names its attempt; the job row points at its current attempt and current result explicitly),
    /// and the chain's inputs on the job row (so a job can be submitted again from the tracker alone). Existing
    /// jobs keep their latest result as the current one.
    /// </summary>
    public const string Version3Sql = """
        CREATE TABLE tracker_lease (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            run_id TEXT NOT NULL,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            process_start TEXT,
            acquired_at TIMESTAMP NOT NULL,
            heartbeat_at TIMESTAMP NOT NULL,
            work_dir TEXT
        );
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_ref INTEGER NOT NULL REFERENCES jobs(id),
            attempt_number INTEGER NOT NULL,
            run_id TEXT NOT NULL,
            launcher TEXT,
            chunk_id TEXT,
            executor_job_id TEXT,
            results_path TEXT,
            status TEXT NOT NULL,
            started_at TIMESTAMP NOT NULL,
            ended_at TIMESTAMP,
            result_ref INTEGER REFERENCES results(id),
            detail TEXT,
            UNIQUE (job_ref, attempt_number)
        );
        CREATE INDEX idx_attempts_status ON attempts(status);
        CREATE INDEX idx_attempts_run ON attempts(run_id);
        CREATE INDEX idx_attempts_chunk ON attempts(chunk_id);
        ALTER TABLE jobs ADD COLUMN current_attempt_id INTEGER REFERENCES attempts(id);
        ALTER TABLE jobs ADD COLUMN current_result_id INTEGER REFERENCES results(id);
        ALTER TABLE jobs ADD COLUMN attempt_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE jobs ADD COLUMN summary_path TEXT;
        ALTER TABLE jobs ADD COLUMN blast_path TEXT;
        ALTER TABLE results ADD COLUMN attempt_id INTEGER REFERENCES attempts(id);
        ALTER TABLE job_events ADD COLUMN attempt_id INTEGER;
        CREATE INDEX idx_results_attempt ON results(attempt_id);
        UPDATE jobs SET current_result_id = (SELECT MAX(r.id) FROM results r WHERE r.job_id = jobs.id),
            attempt_count = retry_count + CASE WHEN status = 'pending' THEN 0 ELSE 1 END;
        """;

    /// <summary>The import ledger: the latest import of each chain and batch into each PostgreSQL database.</summary>
    public const string ImportLedgerSql = """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            protein_id TEXT NOT NULL,
            batch_name TEXT NOT NULL,
            target TEXT NOT NULL,
            job_ref INTEGER REFERENCES jobs(id),
            source_path TEXT,
            content_hash TEXT,
            process_version TEXT NOT NULL,
            partition_protein_id INTEGER,
            action TEXT NOT NULL,
            imported_at TIMESTAMP NOT NULL,
            UNIQUE(protein_id, batch_name, target)
        );
        CREATE INDEX idx_imports_target ON imports(target);
        """;

    /// <summary>
    /// Error classes: whether a failure may pass on another attempt (transient) or not (permanent), on the job and on
    /// each result. Failures recorded before keep being retried as they were: they count as transient.
    /// </summary>
    public const string ErrorClassSql = """
        ALTER TABLE jobs ADD COLUMN error_class TEXT;
        ALTER TABLE results ADD COLUMN error_class TEXT;
        UPDATE jobs SET error_class = 'transient' WHERE status IN ('failed', 'timeout', 'cancelled');
        UPDATE results SET error_class = 'transient' WHERE status = 'failed';
        """;

    /// <summary>Which EcodMini module each attempt's worker was pinned to (version and manifest path, as the run resolved it).</summary>
    public const string AttemptModuleSql = """
        ALTER TABLE attempts ADD COLUMN module_version TEXT;
        ALTER TABLE attempts ADD COLUMN module_path TEXT;
        """;

    /// <summary>
    /// Provenance and cost: what each attempt ran with (input hashes with their file stamps, reference hash, algorithm
    /// version, options hash, sequence length), each SLURM task's measured resources (sacct), each run's estimate, and
    /// each result's domains (range|t_group|h_group per line, what run comparisons read).
    /// </summary>
    public const string ProvenanceSql = """
        CREATE TABLE attempt_inputs (
            attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id),
            summary_sha256 TEXT NOT NULL,
            summary_size INTEGER,
            summary_mtime INTEGER,
            summary_inode INTEGER,
            blast_path TEXT,
            blast_sha256 TEXT,
            blast_size INTEGER,
            blast_mtime INTEGER,
            blast_inode INTEGER,
            reference_hash TEXT NOT NULL,
            algorithm_version TEXT NOT NULL,
            options_hash TEXT NOT NULL,
            sequence_length INTEGER
        );
        CREATE TABLE task_resources (
            executor_job_id TEXT PRIMARY KEY,
            run_id TEXT,
            chunk_id TEXT,
            chains INTEGER NOT NULL DEFAULT 0,
            state TEXT,
            max_rss_bytes INTEGER,
            elapsed_seconds REAL,
            total_cpu_seconds REAL,
            recorded_at TIMESTAMP NOT NULL
        );
        CREATE INDEX idx_task_resources_run ON task_resources(run_id);
        CREATE TABLE run_estimates (
            run_id TEXT PRIMARY KEY,
            executor TEXT NOT NULL,
            chains INTEGER NOT NULL,
            tasks INTEGER NOT NULL,
            concurrency INTEGER NOT NULL,
            cpus_per_task INTEGER NOT NULL DEFAULT 1,
            core_hours REAL NOT NULL,
            wall_hours REAL NOT NULL,
            longest_task_hours REAL NOT NULL DEFAULT 0,
            model TEXT NOT NULL,
            created_at TIMESTAMP NOT NULL
        );
        ALTER TABLE results ADD COLUMN domains TEXT;
        """;

    public static IReadOnlyList<TrackingMigration> Migrations { get; } =
    [
        new(1, "production design schema (jobs, results, quality_flags)", Version1Sql),
        new(2, "job_events, error text, idempotent result records, indexes", Version2Sql),
        new(3, "tracker lease, attempts, current attempt and result per job, job inputs", Version3Sql),
        new(4, "import ledger (imports)", ImportLedgerSql),
        new(5, "fenced lease: generation, heartbeat counter, owner boot id; per-machine heartbeat watches", LeaseFencingSql),
        new(6, "error classes (permanent, transient) on jobs and results", ErrorClassSql),
        new(7, "the worker module (version, manifest) of each attempt", AttemptModuleSql),
        new(8, "attempt inputs (provenance), task resources, run estimates", ProvenanceSql),
        // Append new migrations here (next version = last + 1); each runs once, in the open's one exclusive transaction.
    ];

    public static int CurrentVersion => Migrations[^1].Version;
}
