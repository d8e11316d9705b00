using EcodMini.Core.Configuration;
using EcodMini.Core.Tests.Tracking;

namespace EcodMini.Core.Tests.Configuration;

public class ConfigurationLoaderTests
{
    private static Func<string, string?> Env(Dictionary<string, string> values) => name => values.GetValueOrDefault(name);

    private static string Write(string path, string trackingDb)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"paths:\n  tracking_db: {trackingDb}\n");
        return path;
    }

    [Fact]
    public void LookupOrderIsExplicitThenEnvironmentThenWorkingDirectoryThenDefaults()
    {
        using var temp = new TempFolder();
        var cwd = temp.File("cwd");
        Directory.CreateDirectory(cwd);
        var explicitPath = Write(temp.File("explicit.yml"), "explicit.db");
        var envPath = Write(temp.File("env.yml"), "env.db");
        var env = Env(new() { [ConfigurationLoader.EnvironmentVariable] = envPath });

        var none = ConfigurationLoader.Load(null, cwd, Env([]));
        Assert.Equal((ConfigurationSource.BuiltInDefaults, (string?)null), (none.Source, none.FilePath));
        Assert.Equal(EcodConfiguration.Default, none.Configuration);
        Assert.Equal(Path.Combine(LoadedConfiguration.DefaultStateHome(Env([])), "ecod-mini", "tracking.db"), none.TrackingDatabasePath());

        var local = Write(Path.Combine(cwd, "config", "production.yml"), "local.db");
        var fromCwd = ConfigurationLoader.Load(null, cwd, Env([]));
        Assert.Equal((ConfigurationSource.WorkingDirectory, local, "local.db"), (fromCwd.Source, fromCwd.FilePath, fromCwd.Configuration.Paths.TrackingDb));

        var fromEnv = ConfigurationLoader.Load(null, cwd, env);
        Assert.Equal((ConfigurationSource.EnvironmentVariable, "env.db"), (fromEnv.Source, fromEnv.Configuration.Paths.TrackingDb));

        var fromParameter = ConfigurationLoader.Load(explicitPath, cwd, env);
        Assert.Equal((ConfigurationSource.ExplicitPath, "explicit.db"), (fromParameter.Source, fromParameter.Configuration.Paths.TrackingDb));
    }

    [Fact]
    public void ANamedFileThatIsMissingIsAnError()
    {
        using var temp = new TempFolder();
        Assert.Throws<FileNotFoundException>(() => ConfigurationLoader.Load(temp.File("nope.yml"), temp.Path, Env([])));
        var error = Assert.Throws<FileNotFoundException>(() =>
            ConfigurationLoader.Load(null, temp.Path, Env(new() { [ConfigurationLoader.EnvironmentVariable] = temp.File("gone.yml") })));
        Assert.Contains("ECOD_MINI_CONFIG", error.Message);
    }

    [Fact]
    public void PasswordComesFromTheNamedVariableAndIsNeverPrinted()
    {
        const string Secret = "s3cr3t-Pa55";
        var config = ConfigurationParser.Parse("database:\n  host: dione\n  database: ecod_protein\n  user: ecod\n  password_env: MY_PW\n");
        Assert.Equal(Secret, config.Database.ResolvePassword(Env(new() { ["MY_PW"] = Secret })));
        Assert.Null(config.Database.ResolvePassword(Env([])));
        Assert.DoesNotContain(Secret, config.ToString());
        Assert.DoesNotContain(Secret, config.Database.ToString());
        Assert.Contains("MY_PW", config.Database.ToString());
    }

    [Fact]
    public void OverridesApplyPerCallWithoutChangingTheLoadedTree()
    {
        var config = ConfigurationParser.Parse("slurm:\n  max_concurrent_jobs: 10\n");
        var changed = config with { Slurm = config.Slurm with { MaxConcurrentJobs = 99 } };
        Assert.Equal((10, 99), (config.Slurm.MaxConcurrentJobs, changed.Slurm.MaxConcurrentJobs));
        Assert.Empty(ConfigurationValidator.Validate(changed));
        Assert.Single(ConfigurationValidator.Validate(changed with { Execution = changed.Execution with { ChunkSize = 0 } }));
    }

    [Fact]
    public void OptionsForScannerExecutorAndTrackerResolveAgainstTheConfigurationFilesFolder()
    {
        using var temp = new TempFolder();
        var path = temp.File("p.yml");
        File.WriteAllText(path, "paths:\n  batch_base_dir: b\n  work_dir: w\nprocessing:\n  reps_only: false\nexecution:\n  throttle_limit: 3\n  chunk_size: 7\n");
        var loaded = ConfigurationLoader.Load(path, temp.Path, Env([]));
        var scan = loaded.ToScanOptions();
        Assert.Equal((temp.File("b"), false, "ecod_batch_*"), (scan.BatchRoot, scan.RepsOnly, scan.Pattern));
        var exec = loaded.ToExecutionOptions();
        Assert.Equal((temp.File("w"), 3, 7, temp.File(Path.Combine("batches", "reference"))), (exec.WorkDirectory, exec.ThrottleLimit, exec.ChunkSize, exec.ReferenceDirectory));
        using var tracker = loaded.OpenTracker(TrackingTestData.Local);
        Assert.Equal(Path.Combine(temp.Path, "ecod-mini", "tracking.db"), tracker.Path);
    }

    [Fact]
    public void RelativePathsFollowTheFileNotTheFolderTheRunStartsIn()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("project/config"));
        Directory.CreateDirectory(temp.File("elsewhere"));
        var path = temp.File("project/config/production.yml");
        File.WriteAllText(path, "paths:\n  tracking_db: ../state/tracking.db\n  work_dir: work\nprocessing:\n  max_retries: 4\n  retry_delay: 30\nexecution:\n  lease_timeout: 45\n");
        var loaded = ConfigurationLoader.Load(path, temp.File("elsewhere"), Env([]));
        Assert.Equal(temp.File("project/state/tracking.db"), loaded.TrackingDatabasePath());
        var exec = loaded.ToExecutionOptions();
        Assert.Equal(temp.File("project/config/work"), exec.WorkDirectory);
        Assert.Equal((4, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45)), (exec.Submission.Retry.MaxRetries, exec.Submission.Retry.RetryDelay, exec.Lease.StaleAfter));
        Assert.Equal(4, loaded.ToScanOptions().Retry.MaxRetries);
        var defaults = ConfigurationLoader.Load(null, temp.File("elsewhere"), Env(new() { ["XDG_STATE_HOME"] = temp.File("state") }));
        Assert.Equal(temp.File("state/ecod-mini/tracking.db"), defaults.TrackingDatabasePath());
    }

    [Fact]
    public void WithoutAFileTheRunStateLivesInThePerUserStateFolderNeverTheWorkingDirectory()
    {
        using var temp = new TempFolder();
        var cwd = temp.File("cwd");
        var xdg = ConfigurationLoader.Load(null, cwd, Env(new() { ["XDG_STATE_HOME"] = temp.File("xdg"), ["HOME"] = temp.File("home") }));
        Assert.Equal(temp.File("xdg/ecod-mini/tracking.db"), xdg.TrackingDatabasePath());
        Assert.Equal(temp.File("xdg/ecod-mini/work"), xdg.ToExecutionOptions().WorkDirectory);
        Assert.Equal(temp.File("xdg/ecod-mini/logs"), xdg.ToExecutionOptions().LogDirectory);
        Assert.Equal(Path.Combine(cwd, "batches"), xdg.ToScanOptions().BatchRoot);

        // A relative XDG_STATE_HOME is ignored (the XDG rule): ~/.local/state.
        var home = ConfigurationLoader.Load(null, cwd, Env(new() { ["XDG_STATE_HOME"] = "rel", ["HOME"] = temp.File("home") }));
        Assert.Equal(temp.File("home/.local/state/ecod-mini/work"), home.WorkDirectoryPath());
        Assert.Equal(temp.File("home/.local/state/ecod-mini/logs"), home.LogDirectoryPath());
        Assert.False(Directory.Exists(cwd));

        // A file's state paths follow the file, whatever the state folder.
        var file = Write(temp.File("project/production.yml"), "t.db");
        var fromFile = ConfigurationLoader.Load(file, cwd, Env(new() { ["XDG_STATE_HOME"] = temp.File("xdg") }));
        Assert.Equal(temp.File("project/t.db"), fromFile.TrackingDatabasePath());
        Assert.Equal(temp.File("project/ecod-mini/work"), fromFile.WorkDirectoryPath());
    }
}
