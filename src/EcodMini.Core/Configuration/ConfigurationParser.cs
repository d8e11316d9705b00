using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcodMini.Core.Configuration;

/// <summary>Reads production.yml text into an <see cref="EcodConfiguration"/>; absent keys keep their defaults, every problem is reported with its key.</summary>
public static class ConfigurationParser
{
    private static readonly string[] Sections = ["database", "paths", "slurm", "processing", "quality", "execution", "monitoring"];

    public static EcodConfiguration Parse(string yaml, string? sourceName = null)
    {
        var errors = new List<string>();
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var document = stream.Documents.FirstOrDefault()?.RootNode;
            root = document as YamlMappingNode;
            if (document is not null && root is null && !(document is YamlScalarNode { Value: null or "" }))
                throw new ConfigurationException(sourceName, ["the file must be a mapping of sections (database, paths, slurm, processing, quality, execution, monitoring)"]);
        }
        catch (YamlException ex)
        {
            throw new ConfigurationException(sourceName, [$"YAML syntax error at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}"]);
        }

        if (root is not null)
        {
            foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""))
                if (!Sections.Contains(key)) errors.Add(KeySuggestion.UnknownKeyMessage(null, key, Sections));
        }
        var config = Build(root, errors, []);
        if (errors.Count > 0) throw new ConfigurationException(sourceName, errors);
        return config;
    }

    /// <summary>Every key the parser accepts, as <c>section.key</c>, section by section (for documentation checks).</summary>
    public static IReadOnlyList<string> AcceptedKeys()
    {
        var readers = new List<YamlSectionReader>();
        Build(null, [], readers);
        return readers.SelectMany(r => r.KnownKeys).ToList();
    }

    private static EcodConfiguration Build(YamlMappingNode? root, List<string> errors, List<YamlSectionReader> readers)
    {
        var d = EcodConfiguration.Default;
        YamlSectionReader Section(string name)
        {
            var reader = SectionReader(root, name, errors);
            readers.Add(reader);
            return reader;
        }

        var db = Section("database");
        var database = new DatabaseSettings
        {
            Host = db.String("host", d.Database.Host),
            Port = db.Int("port", d.Database.Port),
            Database = db.String("database", d.Database.Database),
            User = db.String("user", d.Database.User),
            PasswordEnv = db.String("password_env", d.Database.PasswordEnv),
            SslMode = db.Choice("ssl_mode", d.Database.SslMode, "disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
            SslRootCert = db.OptionalString("ssl_root_cert", d.Database.SslRootCert),
            Pooling = db.Bool("pooling", d.Database.Pooling),
            MaxPoolSize = db.Int("max_pool_size", d.Database.MaxPoolSize),
            ConnectTimeout = db.Int("connect_timeout", d.Database.ConnectTimeout),
            CommandTimeout = db.Int("command_timeout", d.Database.CommandTimeout),
            EvidenceTable = db.String("evidence_table", d.Database.EvidenceTable),
        };
        db.ReportUnknownKeys();

        var p = Section("paths");
        var paths = new PathSettings
        {
            BatchBaseDir = p.String("batch_base_dir", d.Paths.BatchBaseDir),
            TrackingDb = p.String("tracking_db", d.Paths.TrackingDb),
            LogDir = p.String("log_dir", d.Paths.LogDir),
            WorkDir = p.String("work_dir", d.Paths.WorkDir),
            ReferenceDir = p.String("reference_dir", d.Paths.ReferenceDir),
        };
        p.ReportUnknownKeys();

        var s = Section("slurm");
        var slurm = new SlurmSettings
        {
            Partition = s.OptionalString("partition", d.Slurm.Partition),
            Time = s.String("time", d.Slurm.Time),
            Memory = s.String("memory", d.Slurm.Memory),
            CpusPerTask = s.Int("cpus_per_task", d.Slurm.CpusPerTask),
            MaxConcurrentJobs = s.Int("max_concurrent_jobs", d.Slurm.MaxConcurrentJobs),
            JobScriptDir = s.String("job_script_dir", d.Slurm.JobScriptDir),
            EnvSetupScript = s.OptionalString("env_setup_script", d.Slurm.EnvSetupScript),
            WorkerPwsh = s.OptionalString("worker_pwsh", d.Slurm.WorkerPwsh),
            WorkerModule = s.OptionalString("worker_module", d.Slurm.WorkerModule),
            RestartFactor = s.Double("restart_factor", d.Slurm.RestartFactor),
            SubmitDelay = s.Double("submit_delay", d.Slurm.SubmitDelay),
        };
        s.ReportUnknownKeys();

        var r = Section("processing");
        var processing = new ProcessingSettings
        {
            RepsOnly = r.Bool("reps_only", d.Processing.RepsOnly),
            SkipExisting = r.Bool("skip_existing", d.Processing.SkipExisting),
            MaxRetries = r.Int("max_retries", d.Processing.MaxRetries),
            RetryDelay = r.Int("retry_delay", d.Processing.RetryDelay),
            BatchPattern = r.String("batch_pattern", d.Processing.BatchPattern),
            ReferenceVersion = r.String("reference_version", d.Processing.ReferenceVersion),
        };
        r.ReportUnknownKeys();

        var q = Section("quality");
        var quality = new QualitySettings
        {
            MinCoverage = q.Double("min_coverage", d.Quality.MinCoverage),
            GoodCoverage = q.Double("good_coverage", d.Quality.GoodCoverage),
            MinConfidence = q.Double("min_confidence", d.Quality.MinConfidence),
            RequireReferenceLengths = q.Bool("require_reference_lengths", d.Quality.RequireReferenceLengths),
            ImportQualityThreshold = q.Choice("import_quality_threshold", d.Quality.ImportQualityThreshold, "good", "questionable", "all"),
        };
        q.ReportUnknownKeys();

        var e = Section("execution");
        var execution = new ExecutionSettings
        {
            Executor = e.Choice("executor", d.Execution.Executor, ExecutionSettings.Local, ExecutionSettings.Slurm),
            ThrottleLimit = e.OptionalInt("throttle_limit", d.Execution.ThrottleLimit),
            ChunkSize = e.Int("chunk_size", d.Execution.ChunkSize),
            LeaseTimeout = e.Int("lease_timeout", d.Execution.LeaseTimeout),
            HeartbeatInterval = e.OptionalInt("heartbeat_interval", d.Execution.HeartbeatInterval),
            KeepWorkFiles = e.Bool("keep_work_files", d.Execution.KeepWorkFiles),
        };
        e.ReportUnknownKeys();

        var monitoring = MonitoringSettings.Read(Section("monitoring"), d.Monitoring, errors);

        var config = new EcodConfiguration
        {
            Database = database, Paths = paths, Slurm = slurm, Processing = processing, Quality = quality, Execution = execution,
            Monitoring = monitoring,
        };
        errors.AddRange(ConfigurationValidator.Validate(config));
        return config;
    }

    private static YamlSectionReader SectionReader(YamlMappingNode? root, string name, List<string> errors)
    {
        if (root is null || !root.Children.TryGetValue(new YamlScalarNode(name), out var node)) return new YamlSectionReader(name, null, errors);
        if (node is YamlMappingNode mapping) return new YamlSectionReader(name, mapping, errors);
        if (node is not YamlScalarNode { Value: null or "" })
            errors.Add($"{name}: expected a mapping of keys, got a {(node is YamlScalarNode ? "single value" : "list")}");
        return new YamlSectionReader(name, null, errors);
    }
}
